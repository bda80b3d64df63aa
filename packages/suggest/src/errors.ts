/** Base class: every error this package throws on purpose is a `SuggestError`. */
export class SuggestError extends Error {
  override name = "SuggestError";
}

/** Extra detail for {@link InvalidRequestError}: what was expected and how to fix it. */
export interface InvalidRequestErrorOptions extends ErrorOptions {
  /** What the field must be. Defaults to "a value matching suggestRequestSchema". */
  expected?: string;
  /** How to fix it. Defaults to a pointer at the schema. */
  hint?: string;
}

/**
 * The request cannot be served as given: empty or whitespace-only description, one too long, control
 * characters, invalid UTF-8, or options out of range. `field` names the offending field; `detail`
 * says what it got.
 */
export class InvalidRequestError extends SuggestError {
  override name = "InvalidRequestError";
  constructor(
    readonly field: string,
    detail: string,
    options: InvalidRequestErrorOptions = {},
  ) {
    const expected = options.expected ?? "a value matching suggestRequestSchema";
    const hint = options.hint ?? `fix ${field} and send the request again (see suggestRequestSchema for every field)`;
    super(`Invalid suggest request: ${field} ${detail} (expected ${expected}). Hint: ${hint}`, options);
  }
}

/** `createSuggester` was given neither a generator nor a model path, or both, or options that do not fit together. */
export class SuggesterConfigError extends SuggestError {
  override name = "SuggesterConfigError";
}

/** A calibrator spec (or the JSON file holding one) is unreadable or malformed. */
export class CalibratorFileError extends SuggestError {
  override name = "CalibratorFileError";
  constructor(
    readonly source: string,
    expected: string,
    got: string,
    options?: ErrorOptions,
  ) {
    super(
      `Cannot load the calibrator from ${source}: expected ${expected}, got ${got}. ` +
        "Hint: write it with @nomen/metal-runtime's fitPlatt/fitIsotonic (JSON.stringify of the spec), or leave calibrator unset.",
      options,
    );
  }
}

/** The model's context cannot hold the system prompt, one word of description and an answer. */
export class ContextTooSmallError extends SuggestError {
  override name = "ContextTooSmallError";
  constructor(
    readonly contextSize: number,
    readonly promptTokens: number,
    options?: ErrorOptions,
  ) {
    super(
      `The model's context of ${contextSize} tokens cannot hold the prompt: expected room for an answer after the ` +
        `system prompt and one word of description, got a ${promptTokens}-token prompt. ` +
        "Hint: load the model with a larger contextSize, or use a shorter systemPrompt.",
      options,
    );
  }
}
