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
