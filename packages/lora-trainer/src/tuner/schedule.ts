/** Learning-rate schedules as pure functions of the step (nanoGPT `get_lr`): linear warmup, then cosine or linear decay. */

/** Options for {@link learningRateAt}. */
export interface ScheduleOptions {
  /** Peak learning rate, reached at the end of warmup. */
  learningRate: number;
  /** Steps of linear warmup from 0. Defaults to 0. */
  warmupSteps?: number;
  /** Steps of the whole run; decay ends here. */
  totalSteps: number;
  /** "cosine", "linear" or "constant" after warmup. Defaults to "cosine". */
  decay?: ScheduleDecay;
  /** Floor the decay ends at. Defaults to 0. */
  minLearningRate?: number;
}

export type ScheduleDecay = "cosine" | "linear" | "constant";

/**
 * Learning rate for optimizer step `step` (0-based). Warmup rises linearly to the peak over `warmupSteps` steps
 * (step 0 gets peak/warmup, not 0, so the first update moves); the decay then runs from the peak and would reach the
 * floor at `totalSteps`, one past the last step (as Hugging Face's schedulers), so the last update still moves.
 * @example learningRateAt(10, { learningRate: 1e-4, warmupSteps: 10, totalSteps: 100 }) // 1e-4
 */
export function learningRateAt(step: number, options: ScheduleOptions): number {
  const { learningRate, warmupSteps = 0, totalSteps, decay = "cosine", minLearningRate = 0 } = options;
  if (step < warmupSteps) return (learningRate * (step + 1)) / warmupSteps;
  if (decay === "constant") return learningRate;
  const decaySteps = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps) / decaySteps); // 0 → 1
  const coefficient = decay === "cosine" ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress; // 1 → 0
  return minLearningRate + coefficient * (learningRate - minLearningRate);
}
