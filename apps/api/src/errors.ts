/**
 * One named error per failure mode. Those that reach a client carry their HTTP status, a short title and a
 * problem type; `problem.ts` turns them into RFC 9457 problem details in one place.
 */

/** Options shared by the errors the API answers with. */
export interface ApiErrorOptions {
  cause?: unknown;
  /** Extra response headers (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  /** Extra problem-details members (e.g. the invalid fields). */
  extensions?: Record<string, unknown>;
}

/** Base class: an error the API reports to the client with `status`. */
export class ApiError extends Error {
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly slug: string,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

/** 400: the body is not JSON, or not the JSON object the endpoint expects. */
export class MalformedRequestError extends ApiError {
  constructor(message: string, options?: ApiErrorOptions) {
    super(400, "Malformed request", "malformed-request", message, options);
  }
}

/** 404: no such route. */
export class RouteNotFoundError extends ApiError {
  constructor(method: string, path: string) {
    super(404, "Not found", "not-found", `No route for ${method} ${path}. Hint: see GET /openapi.json or /docs.`);
  }
}

/** 413: the body is larger than `bodyLimitBytes`. */
export class PayloadTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(413, "Payload too large", "payload-too-large", `The request body is over the ${limitBytes}-byte limit.`, {
      extensions: { limit_bytes: limitBytes },
    });
  }
}

/** 422: the body or query is well-formed JSON but breaks the schema. */
export class RequestValidationError extends ApiError {
  constructor(message: string, errors: { path: string; message: string }[], options: ApiErrorOptions = {}) {
    super(422, "Invalid request", "invalid-request", message, { ...options, extensions: { errors } });
  }
}

/** 422: the business description is longer than `maxDescriptionLength`. */
export class DescriptionTooLongError extends ApiError {
  constructor(limit: number) {
    super(
      422,
      "Description too long",
      "description-too-long",
      `business_description is longer than ${limit} characters. Hint: describe the business in a few sentences.`,
      { extensions: { limit } },
    );
  }
}

/** 429: this client sent more requests than its rate limit allows. */
export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, "Too many requests", "rate-limited", `Rate limit reached; retry in ${retryAfterSeconds} s.`, {
      headers: { "Retry-After": String(retryAfterSeconds) },
      extensions: { retry_after: retryAfterSeconds },
    });
  }
}

/** 503: the queue in front of the model is full, or a request waited longer than the queue allows. */
export class QueueFullError extends ApiError {
  constructor(maxQueued: number, retryAfterSeconds: number, waitedMs?: number) {
    super(
      503,
      "Busy",
      "queue-full",
      waitedMs === undefined
        ? `All model slots are busy and ${maxQueued} requests already wait; retry in ${retryAfterSeconds} s.`
        : `No model slot freed up within ${waitedMs} ms; retry in ${retryAfterSeconds} s.`,
      { headers: { "Retry-After": String(retryAfterSeconds) }, extensions: { retry_after: retryAfterSeconds } },
    );
  }
}

/** 503: the model is not loaded yet. */
export class NotReadyError extends ApiError {
  constructor() {
    super(503, "Not ready", "not-ready", "The model is not loaded yet. Hint: poll GET /readyz.", {
      headers: { "Retry-After": "5" },
    });
  }
}

/** 503: the server is shutting down and drains in-flight requests. */
export class ShuttingDownError extends ApiError {
  constructor() {
    super(503, "Shutting down", "shutting-down", "The server is shutting down; retry against another instance.", {
      headers: { "Retry-After": "5", Connection: "close" },
    });
  }
}

/** 504: the request took longer than `requestTimeoutMs`. */
export class RequestTimeoutError extends ApiError {
  constructor(timeoutMs: number) {
    super(504, "Timed out", "timeout", `The request did not finish within ${timeoutMs} ms.`);
  }
}

/** A configuration file or variable is invalid (not an HTTP error: `nomen serve` exits with it). */
export class ApiConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ApiConfigError";
  }
}

/** The server could not listen (port in use, permission denied, bad host). */
export class ServerListenError extends Error {
  constructor(host: string, port: number, options?: { cause?: unknown }) {
    const code = (options?.cause as { code?: string } | undefined)?.code ?? "unknown error";
    super(`Cannot listen on ${host}:${port} (${code}). Hint: pick another --port or --host.`, options);
    this.name = "ServerListenError";
  }
}
