import type { PreTokenizer } from "../preTokenizers/PreTokenizer.js";

/** Counts pre-tokenizer pieces over a corpus: the words BPE training merges inside. */
export function countWords(
  corpus: Iterable<string>,
  preTokenizer: PreTokenizer,
  signal?: AbortSignal,
): Map<string, number> {
  const counts = new Map<string, number>();
  const pattern = new RegExp(preTokenizer.pattern.source, "gu");
  let seen = 0;
  for (const text of corpus) {
    if ((++seen & 1023) === 0) signal?.throwIfAborted();
    const pieces = text.match(pattern);
    if (pieces === null) continue;
    for (const piece of pieces) counts.set(piece, (counts.get(piece) ?? 0) + 1);
  }
  return counts;
}
