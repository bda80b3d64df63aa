import { availableParallelism } from "node:os";

/** Options for {@link recommendThreads}. */
export interface RecommendThreadsOptions {
  /** Cores that do math (llama.cpp's `cpuMathCores`). Defaults to `os.availableParallelism()`. */
  cores?: number;
  /** Sequences that decode in parallel in one context. Defaults to 1. */
  sequences?: number;
}

/**
 * Threads for one llama.cpp context on the CPU, from measurements (bench/threads.ts), not guesses.
 * On 2 cores under load, a tiny model ran 2,340 tok/s with 1 thread and 104 tok/s with 2 (sequences 1),
 * 2,830 vs 32 tok/s with 4 sequences: threads spin on barriers, so any oversubscription is ruinous.
 * So: leave one core to Node and the other processes, never use more threads than cores, and never
 * more than 4 per parallel sequence (the batch is too small to split further).
 */
export function recommendThreads(options: RecommendThreadsOptions = {}): number {
  const cores = Math.max(1, Math.floor(options.cores ?? availableParallelism()));
  const sequences = Math.max(1, Math.floor(options.sequences ?? 1));
  return Math.max(1, Math.min(cores - 1, 4 * sequences));
}
