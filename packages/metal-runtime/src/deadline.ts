import { GenerationAbortedError, GenerationTimeoutError } from "./errors.js";

/** One signal that fires on the caller's abort or on the timeout, and turns either into a typed error. */
export interface Deadline {
  signal: AbortSignal;
  /** Throws `GenerationTimeoutError` or `GenerationAbortedError` if the deadline fired. */
  throwIfFired(): void;
  /** Maps an error thrown while the deadline fired to the typed error; other errors pass through. */
  wrap(error: unknown): unknown;
  clear(): void;
}

/**
 * Starts the clock for one generation: `timeoutMs` covers queue wait and generation together; `undefined` sets no
 * timeout (the caller's signal alone).
 */
export function startDeadline(timeoutMs: number | undefined, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new GenerationTimeoutError(timeoutMs));
        }, timeoutMs);
  const onCallerAbort = () => controller.abort(new GenerationAbortedError({ cause: callerSignal?.reason }));
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const typedError = () => (timedOut ? new GenerationTimeoutError(timeoutMs as number) : new GenerationAbortedError());
  return {
    signal: controller.signal,
    throwIfFired() {
      if (controller.signal.aborted) throw typedError();
    },
    wrap(error) {
      return controller.signal.aborted ? typedError() : error;
    },
    clear() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
