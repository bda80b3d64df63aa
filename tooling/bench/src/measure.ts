/** Options for {@link measure}. */
export interface MeasureOptions {
  /** Untimed runs before measuring (JIT, caches). Defaults to 2. */
  warmup?: number;
  /** Timed runs. Defaults to 5. */
  repeats?: number;
  /** Stops between runs when aborted. */
  signal?: AbortSignal;
}

/** Timings of one benchmark case, in milliseconds. */
export interface Timings {
  samplesMs: number[];
  minMs: number;
  medianMs: number;
  maxMs: number;
}

/** Runs `fn` `warmup` times untimed, then `repeats` times timed. */
export async function measure(fn: () => unknown, options: MeasureOptions = {}): Promise<Timings> {
  const { warmup = 2, repeats = 5, signal } = options;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  }
  for (let i = 0; i < warmup; i++) {
    signal?.throwIfAborted();
    await fn();
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    signal?.throwIfAborted();
    const start = performance.now();
    await fn();
    samplesMs.push(performance.now() - start);
  }
  return summarize(samplesMs);
}

export function summarize(samplesMs: number[]): Timings {
  if (samplesMs.length === 0) throw new RangeError("summarize needs at least one sample");
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const medianMs =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { samplesMs, minMs: sorted[0] as number, medianMs, maxMs: sorted[sorted.length - 1] as number };
}
