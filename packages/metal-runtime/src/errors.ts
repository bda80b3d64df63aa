/** Options for every error in this package: `cause` is passed on to `Error`. */
export interface RuntimeErrorOptions {
  cause?: unknown;
}

/** Base class: every error this package throws on purpose is a `MetalRuntimeError`. */
export class MetalRuntimeError extends Error {
  override name = "MetalRuntimeError";
}

/** A model file is missing, unreadable, not GGUF, truncated, or lacks metadata llama.cpp needs (some would abort the process). */
export class ModelFileError extends MetalRuntimeError {
  override name = "ModelFileError";
  constructor(
    readonly path: string,
    detail: string,
    options?: RuntimeErrorOptions,
  ) {
    super(`Cannot load model file ${JSON.stringify(path)}: ${detail}`, options);
  }
}

/** A LoRA adapter does not fit the base model (other architecture, missing tensors, wrong metadata types). */
export class AdapterMismatchError extends MetalRuntimeError {
  override name = "AdapterMismatchError";
  constructor(
    readonly path: string,
    detail: string,
    options?: RuntimeErrorOptions,
  ) {
    super(`LoRA adapter ${JSON.stringify(path)} does not fit the base model: ${detail}`, options);
  }
}

/** Options or inputs that fail validation before any work starts. */
export class InvalidOptionsError extends MetalRuntimeError {
  override name = "InvalidOptionsError";
}

/** Every sequence is busy and the wait queue is full: retry later or raise `maxQueue`. */
export class BusyError extends MetalRuntimeError {
  override name = "BusyError";
  constructor(
    readonly queued: number,
    readonly maxQueue: number,
  ) {
    super(
      `Generator busy: all sequences are in use and ${queued} requests already wait (maxQueue ${maxQueue}). Retry later or raise maxQueue.`,
    );
  }
}

/** A generation ran past its `timeoutMs` (waiting in the queue counts). */
export class GenerationTimeoutError extends MetalRuntimeError {
  override name = "GenerationTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`Generation timed out after ${timeoutMs} ms (queue wait included). Raise timeoutMs or lower maxTokens.`);
  }
}

/** The caller's `AbortSignal` fired. */
export class GenerationAbortedError extends MetalRuntimeError {
  override name = "GenerationAbortedError";
  constructor(options?: RuntimeErrorOptions) {
    super("Generation aborted by the caller's signal", options);
  }
}

/** The runtime, model or generator was used after `dispose()`. */
export class DisposedError extends MetalRuntimeError {
  override name = "DisposedError";
  constructor(what: string) {
    super(`${what} is disposed: create a new one`);
  }
}

/** llama.cpp failed while loading or generating (a catchable native error, wrapped). */
export class EngineError extends MetalRuntimeError {
  override name = "EngineError";
}

/** A remote OpenAI-compatible server failed, after retries where a retry made sense. */
export class RemoteBackendError extends MetalRuntimeError {
  override name = "RemoteBackendError";
  constructor(
    message: string,
    readonly status?: number,
    options?: RuntimeErrorOptions,
  ) {
    super(message, options);
  }
}

/** Calibration data cannot fit a calibrator (too few samples, one class only, scores outside [0, 1]). */
export class CalibrationError extends MetalRuntimeError {
  override name = "CalibrationError";
}
