/** Base class: every error this package throws on purpose is a `SuggestError`. */
export class SuggestError extends Error {
  override name = "SuggestError";
}

/**
 * The request cannot be served as given: empty or whitespace-only description, one too long, control
 * characters, invalid UTF-8, or options out of range. `field` names the offending field.
 */
export class InvalidRequestError extends SuggestError {
  override name = "InvalidRequestError";
  constructor(
    readonly field: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`Invalid suggest request: ${field} ${detail}`, options);
  }
}

/** `createSuggester` was given neither a generator nor a model path, or both. */
export class SuggesterConfigError extends SuggestError {
  override name = "SuggesterConfigError";
}
