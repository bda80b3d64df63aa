/** Base class of every error this package throws. */
export class DatasetGenError extends Error {
  override name = "DatasetGenError";
}

/** An option passed to a public function is out of range or malformed. */
export class InvalidDatasetOptionsError extends DatasetGenError {
  override name = "InvalidDatasetOptionsError";
}

/** The teacher could not produce enough valid domains for a description (after all strategies and TLDs). */
export class TeacherExhaustedError extends DatasetGenError {
  override name = "TeacherExhaustedError";
}

/** A dataset card on disk is missing, unreadable or not a card this package wrote. */
export class InvalidDatasetCardError extends DatasetGenError {
  override name = "InvalidDatasetCardError";
}

/** A dataset's files do not match its card (counts or hashes), or splits leak into each other. */
export class DatasetIntegrityError extends DatasetGenError {
  override name = "DatasetIntegrityError";
}

/** An assistant turn is not exactly the JSON shape the runtime's schema expects. */
export class InvalidAssistantTurnError extends DatasetGenError {
  override name = "InvalidAssistantTurnError";
}

/** Generation was stopped through its `AbortSignal`. */
export class DatasetAbortedError extends DatasetGenError {
  override name = "DatasetAbortedError";
}
