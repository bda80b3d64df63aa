import type { WordNet } from "./WordNet.js";
import { defaultWordVectors } from "./WordVectors.js";

/**
 * Cluster keys of a word in the shipped vectors ("c64:17", "c256:3", "c1024:980"), looked up as written, else by
 * its WordNet base form; empty for a word the table lacks. The hashed-feature models read them beside stems, so a
 * name word no training description used still shares features with words that were used ("espresso" ~ "coffee").
 */
export function clusterKeys(wordnet: WordNet, word: string): string[] {
  const vectors = defaultWordVectors();
  const keys = vectors.clusterKeys(word);
  if (keys.length) return keys;
  const base = wordnet.baseForm(word);
  return base === undefined ? [] : vectors.clusterKeys(base);
}
