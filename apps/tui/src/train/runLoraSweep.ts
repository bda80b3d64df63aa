import { gridOf, type SweepResult, sweep, type TrialResult } from "@nomen/lora-trainer";
import { UsageError } from "../errors.js";
import { loadTrainingData, type TrainEvents } from "./runLoraTraining.js";
import type { LoraSweepOptions } from "./trainOptions.js";

/** What a sweep reports while it works. */
export interface SweepEvents extends Pick<TrainEvents, "onPhase" | "log"> {
  /** Trials to run in all, known once the grid is built. */
  onPlan?: (trials: number) => void;
  onTrial?: (result: TrialResult) => void;
}

/**
 * `nomen train sweep`: the same data pipeline as `nomen train lora`, then `@nomen/lora-trainer`'s `sweep` over the
 * given learning rates, ranks, alphas and epochs (grid or a seeded random sample), ranked by validation loss, with
 * `trial-NNN.json` and `results.json` in `out`.
 */
export async function runLoraSweep(
  options: LoraSweepOptions,
  events: SweepEvents = {},
  signal?: AbortSignal,
): Promise<SweepResult> {
  const space = { learningRate: options.lr, rank: options.rank, alpha: options.alpha, epochs: options.epochs };
  const gridSize = gridOf(space, { learningRate: 0, rank: 0, alpha: 0, epochs: 0 }).length;
  const { model, dataset } = await loadTrainingData(options, events, signal);
  try {
    if (dataset.validation.length === 0) {
      throw new UsageError("nomen train sweep: no validation examples (the objective is validation loss); pass --val.");
    }
    events.onPlan?.(options.method === "grid" ? gridSize : Math.min(options.trials, gridSize));
    events.onPhase?.("train", `${dataset.train.length} batches per epoch`);
    return await sweep({
      model,
      space,
      method: options.method,
      trials: options.trials,
      seed: options.seed,
      lora: { seed: options.seed, log: () => {} },
      args: { gradAccumulation: options.gradAccum, seed: options.seed, checkpointEvery: 0 },
      trainBatches: dataset.train,
      validationBatches: dataset.validation,
      outDir: options.out,
      signal,
      onTrial: events.onTrial,
    });
  } finally {
    model.dispose();
  }
}
