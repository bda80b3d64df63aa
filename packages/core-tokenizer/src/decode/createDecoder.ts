/** Incremental decoder returned by {@link Tokenizer.createDecoder}. */
export interface StreamDecoder {
  /** Adds tokens and returns the text they complete; bytes of a character split across tokens wait for the rest. */
  push(ids: number | readonly number[]): string;
  /** Returns what is left; an incomplete UTF-8 sequence at the end becomes U+FFFD (or throws with `fatal`). */
  flush(): string;
}
