import { lastSafeCut } from "./splitPieces.js";

/**
 * Holds text that arrives in chunks until a point where encoding can restart without changing any
 * id (see {@link lastSafeCut}). Each chunk is scanned once, together with the one unit held before
 * it (a trailing "\n" is judged by the next character), so a stream costs O(length) even when no
 * cut ever comes; chunks are joined only when text is released.
 */
export class SafeCutBuffer {
  readonly #cuts: boolean;
  #held: string[] = [];
  #lastUnit = "";
  #scanned = 0;

  /** @param cuts whether cutting is safe for the pre-tokenizer at all; when false everything is held. */
  constructor(cuts: boolean) {
    this.#cuts = cuts;
  }

  /** UTF-16 units examined for cut points so far (at most the units pushed plus one per chunk). */
  get scanned(): number {
    return this.#scanned;
  }

  /** Adds a chunk; returns the held text up to the last safe cut, or null when there is none yet. */
  push(chunk: string): string | null {
    if (chunk.length === 0) return null;
    const tail = this.#lastUnit + chunk;
    this.#lastUnit = chunk.charAt(chunk.length - 1);
    if (!this.#cuts) {
      this.#held.push(chunk);
      return null;
    }
    this.#scanned += tail.length;
    const cut = lastSafeCut(tail);
    if (cut === 0) {
      this.#held.push(chunk);
      return null;
    }
    const at = cut - (tail.length - chunk.length);
    this.#held.push(chunk.slice(0, at));
    const ready = this.#held.join("");
    this.#held = [chunk.slice(at)];
    return ready;
  }

  /** Returns everything still held and empties the buffer. */
  flush(): string {
    const rest = this.#held.join("");
    this.#held = [];
    this.#lastUnit = "";
    return rest;
  }
}
