/** Errors of the training loop, checkpoints and sweeps (all extend the package's `LoraTrainerError`). */
import { LoraTrainerError } from "../errors.js";

/** A loss, gradient or parameter became NaN or ±Infinity; training stopped before applying it. */
export class NonFiniteError extends LoraTrainerError {
  override name = "NonFiniteError";
  constructor(
    /** Optimizer step (0-based) being computed. */
    readonly step: number,
    /** Index of the offending batch in the training set. */
    readonly batchIndex: number,
    /** The first non-finite tensor: "loss", a gradient "grad(<param>)" or a parameter name. */
    readonly tensorName: string,
    readonly value: number,
    options?: ErrorOptions,
  ) {
    super(
      `non-finite value ${value} in ${tensorName} at step ${step}, batch ${batchIndex}; training stopped before the update. ` +
        "Hint: lower the learning rate, set maxGradNorm, or inspect that batch.",
      options,
    );
  }
}

/** Training options are out of range or inconsistent with the data. */
export class TrainingConfigError extends LoraTrainerError {
  override name = "TrainingConfigError";
}

/** A checkpoint file is unreadable, truncated, or was written for other parameters or arguments. */
export class CheckpointMismatchError extends LoraTrainerError {
  override name = "CheckpointMismatchError";
}
