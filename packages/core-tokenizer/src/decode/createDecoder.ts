import { InvalidUtf8Error } from "../errors.js";

/** Incremental decoder returned by `Tokenizer.createDecoder`. */
export interface StreamDecoder {
  /** Adds tokens and returns the text they complete; bytes of a character split across tokens wait for the rest. */
  push(ids: number | readonly number[]): string;
  /** Returns what is left; an incomplete UTF-8 sequence at the end becomes U+FFFD (or throws with `fatal`). */
  flush(): string;
}

/** A {@link StreamDecoder} over a function that turns token ids into bytes (validating them). */
export function createStreamDecoder(bytesOf: (ids: readonly number[]) => Uint8Array, fatal: boolean): StreamDecoder {
  // ignoreBOM: a U+FEFF at the start is text the user wrote, not a byte-order mark to drop.
  const decoder = new TextDecoder("utf-8", { fatal, ignoreBOM: true });
  const run = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch (cause) {
      throw new InvalidUtf8Error("incremental decode", { cause });
    }
  };
  return {
    push: (ids) => run(bytesOf(typeof ids === "number" ? [ids] : ids), true),
    flush: () => run(new Uint8Array(0), false),
  };
}
