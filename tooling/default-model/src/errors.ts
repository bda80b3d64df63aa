/** Base class of every error this package throws. */
export class DefaultModelError extends Error {
  override name = "DefaultModelError";
}

/** An option is out of range or missing (message: which, expected vs got, a hint). */
export class InvalidPipelineOptionsError extends DefaultModelError {
  override name = "InvalidPipelineOptionsError";
}

/** A pipeline input (dataset file, meta file, run folder, checkpoint) is missing or malformed. */
export class PipelineInputError extends DefaultModelError {
  override name = "PipelineInputError";
}

/** The training mix could not reach the requested invented-word share. */
export class AugmentationError extends DefaultModelError {
  override name = "AugmentationError";
}
