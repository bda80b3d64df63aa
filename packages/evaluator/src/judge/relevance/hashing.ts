/**
 * Hashes feature strings into `2^bits` buckets (the hashing trick): FNV-1a over UTF-16 code
 * units, no encoding step, since this runs for every (word, name-part) cross.
 */
export function hashFeature(feature: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & ((1 << bits) - 1);
}

/** Logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
