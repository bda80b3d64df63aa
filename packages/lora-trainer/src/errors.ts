/** Base class: every error this package throws on purpose extends it, so callers can catch them as one family. */
export class LoraTrainerError extends Error {
  override name = "LoraTrainerError";
}

/** No TensorFlow.js backend could be initialised (each attempted backend's failure is listed). */
export class BackendUnavailableError extends LoraTrainerError {
  override name = "BackendUnavailableError";
  constructor(
    readonly attempts: Readonly<Record<string, string>>,
    options?: ErrorOptions,
  ) {
    super(
      `no TensorFlow.js backend could be initialised; tried ${Object.entries(attempts)
        .map(([name, why]) => `${name} (${why})`)
        .join(", ")}. Hint: install @tensorflow/tfjs-backend-wasm, or set TF_BACKEND=cpu.`,
      options,
    );
  }
}

/** The model's weights (plus working memory) do not fit in what the chosen backend can address. */
export class InsufficientMemoryError extends LoraTrainerError {
  override name = "InsufficientMemoryError";
}

/** The GGUF's `general.architecture` is not one this package implements. */
export class UnsupportedArchitectureError extends LoraTrainerError {
  override name = "UnsupportedArchitectureError";
}

/** A metadata key the architecture needs is absent or has the wrong type. */
export class ModelMetadataError extends LoraTrainerError {
  override name = "ModelMetadataError";
}

/** A tensor the architecture needs is missing from the file. */
export class MissingTensorError extends LoraTrainerError {
  override name = "MissingTensorError";
}

/** A tensor's shape disagrees with the shape the hyper-parameters imply. */
export class TensorShapeMismatchError extends LoraTrainerError {
  override name = "TensorShapeMismatchError";
}

/** A tensor is stored in a ggml type this package cannot turn into float32. */
export class UnsupportedTensorTypeError extends LoraTrainerError {
  override name = "UnsupportedTensorTypeError";
}

/** Token ids outside the vocabulary, an empty batch, ragged rows, or a sequence past the context length. */
export class InvalidInputError extends LoraTrainerError {
  override name = "InvalidInputError";
}

/** A model or cache was used after `dispose()`. */
export class DisposedError extends LoraTrainerError {
  override name = "DisposedError";
}

/** A long operation was stopped through its `AbortSignal`. */
export class AbortError extends LoraTrainerError {
  override name = "AbortError";
}

/** One problem found while validating a training data file, with where it is. */
export interface DatasetProblem {
  file: string;
  /** 1-based line number; 0 for a problem with the file as a whole. */
  line: number;
  message: string;
}

/** A JSONL training file has malformed lines; `problems` lists every one (file, line, what is wrong). */
export class DatasetValidationError extends LoraTrainerError {
  override name = "DatasetValidationError";
  constructor(
    readonly problems: readonly DatasetProblem[],
    options?: ErrorOptions,
  ) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.file}:${p.line}: ${p.message}`);
    const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
    super(
      `${problems.length} problem(s) in the training data:\n${[...shown, ...more].join("\n")}\n` +
        `Hint: each line must be {"messages":[{"role":"user"|"assistant"|"system","content":"…"},…]} or {"prompt":"…","completion":"…"}.`,
      options,
    );
  }
}

/** The training data has no usable example (an empty file, or every example skipped). */
export class EmptyDatasetError extends LoraTrainerError {
  override name = "EmptyDatasetError";
}

/** Training or export settings that cannot work with this model (e.g. a LoRA rank larger than a projection's dims). */
export class TrainingPlanError extends LoraTrainerError {
  override name = "TrainingPlanError";
}

/** An adapter does not fit the base model it is merged into or exported against (architecture, shapes, layers). */
export class AdapterBaseMismatchError extends LoraTrainerError {
  override name = "AdapterBaseMismatchError";
}

/** A LoRA adapter file is not one llama.cpp would load (missing keys, unknown tensor names, unpaired or ragged A/B). */
export class AdapterFormatError extends LoraTrainerError {
  override name = "AdapterFormatError";
}

// Training loop, checkpoints and sweeps.
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
