import type { WordNet } from "./WordNet.js";
import { defaultWordVectors, type WordVectors } from "./WordVectors.js";

/** The form of `word` the table has: as written, else its WordNet base form ("floors" → "floor"); undefined if neither. */
export function vectorWord(vectors: WordVectors, wordnet: WordNet, word: string): string | undefined {
  if (vectors.vector(word)) return word;
  const base = wordnet.baseForm(word);
  return base !== undefined && vectors.vector(base) ? base : undefined;
}

/** Per WordNet instance, the keys of every word asked so far (the judge asks for the same words on every item). */
const cache = new WeakMap<WordNet, Map<string, readonly string[]>>();

/**
 * Cluster keys of a word in the shipped vectors ("c64:17", "c256:3", "c1024:980"), found by {@link vectorWord};
 * empty for a word the table lacks. The hashed-feature models read them beside stems, so a name word no training
 * description used still shares features with words that were used ("espresso" ~ "coffee").
 */
export function clusterKeys(wordnet: WordNet, word: string): readonly string[] {
  let known = cache.get(wordnet);
  if (!known) {
    known = new Map();
    cache.set(wordnet, known);
  }
  let keys = known.get(word);
  if (!keys) {
    const vectors = defaultWordVectors();
    const form = vectorWord(vectors, wordnet, word);
    keys = form === undefined ? [] : vectors.clusterKeys(form);
    if (known.size > 100_000) known.clear();
    known.set(word, keys);
  }
  return keys;
}
