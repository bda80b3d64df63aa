/** Training arguments with the reference run's defaults (LoRA on Qwen2.5-3B: lr 1e-4, 2 epochs, batch 1 × 4, …). */

import { TrainingConfigError } from "../errors.js";
import type { ScheduleDecay } from "./schedule.js";

export interface TrainingArgs {
  /** Peak learning rate. Defaults to 1e-4. */
  learningRate: number;
  /** Linear warmup steps. Defaults to 10. */
  warmupSteps: number;
  /** Decay after warmup. Defaults to "cosine". */
  decay: ScheduleDecay;
  /** Floor of the decay. Defaults to 0. */
  minLearningRate: number;
  /** Passes over the training batches. Defaults to 2. */
  epochs: number;
  /** Optimizer steps; when set it replaces `epochs` (the data order wraps around). Defaults to null. */
  iters: number | null;
  /** Micro-batches whose gradients are averaged into one update (each micro-batch's mean loss weighs the same). Defaults to 4. */
  gradAccumulation: number;
  /** Clip the global gradient norm to this; 0 turns clipping off. Defaults to 0.5. */
  maxGradNorm: number;
  /** AdamW decoupled weight decay (matrices only). Defaults to 0. */
  weightDecay: number;
  /** Defaults to 0.9. */
  beta1: number;
  /** Defaults to 0.999. */
  beta2: number;
  /** Defaults to 1e-8. */
  epsilon: number;
  /** Validation loss every N steps (and after the last); 0 = only after the last. Defaults to 10. */
  evalEvery: number;
  /** Stop after this many validations without improvement; 0 = never. Defaults to 0. */
  patience: number;
  /** An improvement must beat the best validation loss by more than this. Defaults to 0. */
  minDelta: number;
  /** Checkpoint every N steps (with a checkpoint directory); 0 = never. Defaults to 10. */
  checkpointEvery: number;
  /** Checkpoints kept in the directory. Defaults to 2. */
  keepCheckpoints: number;
  /** Seeds the data order and dropout. Defaults to 0. */
  seed: number;
  /** Shuffle the batch order every epoch. Defaults to true. */
  shuffle: boolean;
}

export const DEFAULT_TRAINING_ARGS: Readonly<TrainingArgs> = Object.freeze({
  learningRate: 1e-4,
  warmupSteps: 10,
  decay: "cosine",
  minLearningRate: 0,
  epochs: 2,
  iters: null,
  gradAccumulation: 4,
  maxGradNorm: 0.5,
  weightDecay: 0,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  evalEvery: 10,
  patience: 0,
  minDelta: 0,
  checkpointEvery: 10,
  keepCheckpoints: 2,
  seed: 0,
  shuffle: true,
});

/** Fills defaults and rejects out-of-range values, listing every problem in one {@link TrainingConfigError}. */
export function resolveTrainingArgs(args: Partial<TrainingArgs> = {}): TrainingArgs {
  const resolved = { ...DEFAULT_TRAINING_ARGS, ...args };
  const problems: string[] = [];
  const need = (ok: boolean, what: string, value: unknown) => {
    if (!ok) problems.push(`${what} (got ${JSON.stringify(value)})`);
  };
  const r = resolved;
  need(r.learningRate > 0 && Number.isFinite(r.learningRate), "learningRate > 0", r.learningRate);
  need(
    r.minLearningRate >= 0 && r.minLearningRate <= r.learningRate,
    "0 ≤ minLearningRate ≤ learningRate",
    r.minLearningRate,
  );
  need(["cosine", "linear", "constant"].includes(r.decay), 'decay "cosine" | "linear" | "constant"', r.decay);
  for (const key of ["warmupSteps", "evalEvery", "patience", "checkpointEvery", "seed"] as const)
    need(Number.isInteger(r[key]) && r[key] >= 0, `${key} an integer ≥ 0`, r[key]);
  for (const key of ["epochs", "gradAccumulation", "keepCheckpoints"] as const)
    need(Number.isInteger(r[key]) && r[key] >= 1, `${key} an integer ≥ 1`, r[key]);
  need(r.iters === null || (Number.isInteger(r.iters) && r.iters >= 1), "iters null or an integer ≥ 1", r.iters);
  need(r.maxGradNorm >= 0, "maxGradNorm ≥ 0", r.maxGradNorm);
  need(r.weightDecay >= 0, "weightDecay ≥ 0", r.weightDecay);
  need(r.beta1 >= 0 && r.beta1 < 1 && r.beta2 >= 0 && r.beta2 < 1, "0 ≤ beta1, beta2 < 1", [r.beta1, r.beta2]);
  need(r.epsilon > 0, "epsilon > 0", r.epsilon);
  need(r.minDelta >= 0, "minDelta ≥ 0", r.minDelta);
  if (problems.length > 0) throw new TrainingConfigError(`training arguments: expected ${problems.join("; ")}`);
  return resolved;
}
