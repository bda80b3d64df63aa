import { type ApiError, QueueFullError, RequestTimeoutError, RequestValidationError } from "./errors.js";

/**
 * Maps the pipeline's own failures (`@nomen/suggest`, `@nomen/metal-runtime`) to API errors, by their
 * documented `name` (importing those packages here would load llama.cpp bindings into every API process).
 * Anything else stays unexpected (500).
 */
export function fromPipelineError(error: unknown): ApiError | undefined {
  if (!(error instanceof Error)) return undefined;
  const fields = error as Error & { field?: unknown; timeoutMs?: unknown; maxQueue?: unknown };
  switch (error.name) {
    case "InvalidRequestError": {
      const path = typeof fields.field === "string" ? fields.field : "(root)";
      return new RequestValidationError(error.message, [{ path, message: error.message }], { cause: error });
    }
    case "InvalidOptionsError": // metal-runtime refused the generation constraints the request implied
      return new RequestValidationError(error.message, [{ path: "(root)", message: error.message }], {
        cause: error,
      });
    case "GenerationTimeoutError":
      return new RequestTimeoutError(typeof fields.timeoutMs === "number" ? fields.timeoutMs : 0);
    case "BusyError":
      return new QueueFullError(typeof fields.maxQueue === "number" ? fields.maxQueue : 0, 1);
    default:
      return undefined;
  }
}
