/**
 * A toy fine-tuning task for byte-level vocabularies (e.g. `@nomen/gguf`'s tinyModelSpec, where token id = byte):
 * `<|im_start|>word=drow<|im_end|>`, with the loss on the reversed word and the end token only. Small enough to
 * learn in seconds, structured enough that a lower loss means the model attends to the prompt.
 */

import { seededRandom } from "../data/seededRandom.js";
import type { TokenBatch } from "../data/TokenBatch.js";

/** Options for {@link reverseWordBatches}. */
export interface ReverseWordOptions {
  /** Number of batches. */
  batches: number;
  /** Rows per batch. Defaults to 8. */
  batchSize?: number;
  /** Letters words are drawn from. Defaults to "abcdefgh". */
  alphabet?: string;
  /** Shortest and longest word. Defaults to [3, 5]. */
  lengths?: [number, number];
  /** Defaults to 1. */
  seed?: number;
  /** Token ids of the frame. Defaults to tinyModelSpec's byte-level vocab: 259, 260, pad 258. */
  startId?: number;
  endId?: number;
  padId?: number;
}

/** One example's ids and loss mask: start, word bytes, "=", reversed bytes, end. */
export function reverseWordExample(word: string, startId = 259, endId = 260): { ids: number[]; mask: number[] } {
  const bytes = [...Buffer.from(word, "latin1")];
  const ids = [startId, ...bytes, 61, ...bytes.toReversed(), endId];
  const answerStart = bytes.length + 2;
  return { ids, mask: ids.map((_, i) => (i >= answerStart ? 1 : 0)) };
}

/** Right-padded batches of random words; seqLen = the longest example (2·maxLength + 3). */
export function reverseWordBatches(options: ReverseWordOptions): TokenBatch[] {
  const { batches, batchSize = 8, alphabet = "abcdefgh", lengths = [3, 5], seed = 1 } = options;
  const { startId = 259, endId = 260, padId = 258 } = options;
  const random = seededRandom(seed);
  const seqLen = 2 * lengths[1] + 3;
  return Array.from({ length: batches }, () => {
    const ids = new Int32Array(batchSize * seqLen).fill(padId);
    const lossMask = new Float32Array(batchSize * seqLen);
    let tokens = 0;
    for (let row = 0; row < batchSize; row++) {
      const length = lengths[0] + Math.floor(random() * (lengths[1] - lengths[0] + 1));
      const word = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const example = reverseWordExample(word, startId, endId);
      ids.set(example.ids, row * seqLen);
      lossMask.set(example.mask, row * seqLen);
      tokens += example.ids.length;
    }
    return { batchSize, seqLen, ids, lossMask, tokens };
  });
}
