import { EvaluationAbortedError } from "./errors.js";

/** Progress of a long operation: `done` of `total` units of `phase`. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/**
 * A long computation written once as a generator that yields {@link Progress} at checkpoints,
 * driven either synchronously or asynchronously (yielding to the event loop at each checkpoint).
 */
export type Steps<T> = Generator<Progress, T, void>;

/** Runs `steps` to the end without yielding to the event loop; checks `signal` at every checkpoint. */
export function runSteps<T>(steps: Steps<T>, signal?: AbortSignal): T {
  for (;;) {
    throwIfAborted(signal);
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `steps`, yielding to the event loop at every checkpoint (so timers, Ctrl-C handlers and
 * renders run) and checking `signal` there. Rejects with {@link EvaluationAbortedError} when aborted.
 */
export async function runStepsAsync<T>(
  steps: Steps<T>,
  options: { signal?: AbortSignal; onProgress?: (progress: Progress) => void } = {},
): Promise<T> {
  const { signal, onProgress } = options;
  for (;;) {
    throwIfAborted(signal);
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
    await new Promise(setImmediate);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new EvaluationAbortedError(`Evaluation aborted: ${String(signal.reason ?? "signal aborted")}.`, {
      cause: signal.reason,
    });
}
