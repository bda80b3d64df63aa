/** Shortens untrusted input for error messages. */
function excerpt(value: string, max = 80): string {
  return value.length > max ? `${JSON.stringify(value.slice(0, max))}… (${value.length} chars)` : JSON.stringify(value);
}

/** A vocabulary (tokenizer.json, GGUF metadata, tiktoken ranks or a trained one) is malformed or inconsistent. */
export class InvalidVocabularyError extends Error {
  override readonly name = "InvalidVocabularyError";
  /** Every problem found, not just the first. */
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[], options?: ErrorOptions) {
    const shown = problems.slice(0, 5).join("; ");
    const more = problems.length > 5 ? ` (+${problems.length - 5} more)` : "";
    super(
      `Invalid vocabulary from ${source}: ${shown}${more}. Hint: check that it is a byte-level BPE vocabulary.`,
      options,
    );
    this.problems = problems;
  }
}

/** `tokenizer.ggml.pre` (or a tokenizer.json pattern) names a pre-tokenizer this package does not implement. */
export class UnsupportedPreTokenizerError extends Error {
  override readonly name = "UnsupportedPreTokenizerError";
  constructor(pre: string, supported: readonly string[], options?: ErrorOptions) {
    super(`Unsupported pre-tokenizer ${excerpt(pre)}: expected one of ${supported.join(", ")}.`, options);
  }
}

/** A token id passed to decode is outside the vocabulary. */
export class UnknownTokenIdError extends Error {
  override readonly name = "UnknownTokenIdError";
  constructor(
    readonly tokenId: number,
    readonly vocabularySize: number,
  ) {
    super(
      `Unknown token id ${String(tokenId)}: expected an integer in [0, ${vocabularySize - 1}]. Hint: was this id produced by a different vocabulary?`,
    );
  }
}

/** decode was asked to be strict (`fatal: true`) and the tokens' bytes are not valid UTF-8. */
export class InvalidUtf8Error extends Error {
  override readonly name = "InvalidUtf8Error";
  constructor(detail: string, options?: ErrorOptions) {
    super(
      `Decoded bytes are not valid UTF-8 (${detail}). Hint: decode without { fatal: true } to get U+FFFD replacements.`,
      options,
    );
  }
}

/** A vocabulary has no GGUF form llama.cpp can load (tiktoken ranks, a custom pre-tokenizer regex). */
export class UnsupportedGgufExportError extends Error {
  override readonly name = "UnsupportedGgufExportError";
}

/** A chat message cannot be rendered (unknown role, non-string content, missing special token). */
export class ChatTemplateError extends Error {
  override readonly name = "ChatTemplateError";
}

/** trainBpe got options or a corpus it cannot train on. */
export class InvalidTrainingOptionsError extends Error {
  override readonly name = "InvalidTrainingOptionsError";
}

/** Input text is not a string (e.g. undefined from a bad JSON field). */
export class InvalidTextError extends Error {
  override readonly name = "InvalidTextError";
  constructor(got: unknown) {
    super(`Expected text to be a string, got ${got === null ? "null" : typeof got}.`);
  }
}

export { excerpt };
