import { existsSync } from "node:fs";
import { type AvailabilityChecker, createDomainsAvailability, type Suggester } from "@nomen/api";
import { createFakeAvailability, createFakeSuggester } from "@nomen/api/testing";
import { AvailabilityChecker as DomainsAvailabilityChecker } from "@nomen/domains";
import { defaultModelFiles, findDefaultModel } from "./defaultModel.js";
import { MissingDependencyError, UsageError } from "./errors.js";

/** What the app, `suggest` and `serve` run on. */
export interface Backend {
  suggester: Suggester;
  availability: AvailabilityChecker;
  /** Shown to the user: which model (or the demo) answers. */
  label: string;
  dispose(): Promise<void>;
}

/** Options for {@link openBackend}. */
export interface OpenBackendOptions {
  /** A Llama/Qwen2 GGUF. Defaults to the embedded default model (`models/nomen-base.gguf`). */
  model?: string;
  /** A LoRA adapter GGUF. Defaults to the embedded adapter when the default model is used. */
  adapter?: string;
  /** The demo backend: names from the description's words by a fixed rule, no model. Defaults to false. */
  demo?: boolean;
}

/**
 * Opens the suggest pipeline on a model. Throws {@link MissingDependencyError} saying exactly what is missing
 * (the embedded default model, the model file, or the pipeline itself).
 */
export async function openBackend(options: OpenBackendOptions = {}): Promise<Backend> {
  if (options.demo) {
    return {
      suggester: createFakeSuggester({ msPerSuggestion: 120 }),
      availability: createFakeAvailability(),
      label: "demo backend (names from your words by a fixed rule — not a model)",
      dispose: async () => {},
    };
  }
  const embedded = findDefaultModel();
  const model = options.model ?? embedded?.base;
  if (!model) throw new MissingDependencyError(missingDefaultModelMessage());
  if (!existsSync(model)) throw new MissingDependencyError(`The model file ${model} does not exist.`);
  const adapter = options.adapter ?? (options.model ? undefined : embedded?.adapter);
  if (adapter && !existsSync(adapter)) throw new MissingDependencyError(`The adapter file ${adapter} does not exist.`);
  const suggester = await createPipeline(model, adapter);
  return {
    suggester,
    availability: createDomainsAvailability(new DomainsAvailabilityChecker({ timeoutMs: 4_000 })),
    label: `${adapter ? `${model} + ${adapter}` : model} (${suggester.backend ?? "model"})`,
    dispose: async () => {
      await (suggester as { dispose?: () => Promise<void> }).dispose?.();
    },
  };
}

/** What `nomen` says when no model was given and the default one has not shipped. */
export function missingDefaultModelMessage(): string {
  return (
    `The embedded default model is not there yet: expected ${process.env.NOMEN_MODELS_DIR ? `$NOMEN_MODELS_DIR/` : "models/"}${defaultModelFiles.base} ` +
    "(it is trained by Nomen's own pipeline and has not shipped in this checkout).\n" +
    "Hint: pass --model path/to/any-llama-or-qwen2.gguf, or try the app with --demo (no model)."
  );
}

async function createPipeline(model: string, adapter: string | undefined): Promise<Suggester & { backend?: string }> {
  let suggest: typeof import("@nomen/suggest");
  try {
    suggest = await import("@nomen/suggest");
  } catch (cause) {
    throw new MissingDependencyError("The suggest pipeline (@nomen/suggest) is not built. Hint: pnpm build.", {
      cause,
    });
  }
  // Typed against the API's Suggester interface: a mismatch between the two packages fails the build here.
  try {
    const suggester: Suggester & { backend: string; dispose(): Promise<void> } = await suggest.createSuggester({
      model,
      adapter,
    });
    return suggester;
  } catch (error) {
    // metal-runtime validates the files before llama.cpp sees them: a bad file is the user's input, not a crash.
    if (error instanceof Error && ["ModelFileError", "AdapterMismatchError"].includes(error.name)) {
      throw new UsageError(`Cannot use ${adapter ? `${model} with ${adapter}` : model}: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}
