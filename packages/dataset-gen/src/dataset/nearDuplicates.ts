import { fnv1a, normalizeText } from "./normalize.js";

/** Near-duplicate = Jaccard similarity of character 5-gram sets at or above this. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

const SHINGLE = 5;
const BANDS = 6;
const ROWS = 4;
const HASHES = BANDS * ROWS;
const SALTS = Array.from({ length: HASHES }, (_, i) => fnv1a(`minhash-${i}`));

/** The character 5-gram set of a text's normalized form, as 32-bit hashes. */
export function shingles(text: string): Uint32Array {
  const t = normalizeText(text);
  if (t.length <= SHINGLE) return Uint32Array.of(fnv1a(t));
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= t.length; i++) set.add(fnv1a(t.slice(i, i + SHINGLE)));
  return Uint32Array.from(set).sort();
}

/** Exact Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < HASHES; k++) {
      let h = Math.imul(x ^ SALTS[k]!, 0x9e3779b1);
      h ^= h >>> 15;
      h = Math.imul(h, 0x85ebca77) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/**
 * Pairs (i < j) of texts whose Jaccard similarity is ≥ `threshold`, among pairs for which `consider(i, j)` is true
 * (e.g. "in different splits"). MinHash LSH (6 bands × 4 rows) finds candidates; each is confirmed exactly.
 */
export function findNearDuplicates(
  texts: readonly string[],
  options: { threshold?: number; consider?: (i: number, j: number) => boolean } = {},
): [number, number][] {
  const { threshold = NEAR_DUPLICATE_THRESHOLD, consider = () => true } = options;
  const sets = texts.map(shingles);
  const sigs = sets.map(minhash);
  const pairs = new Set<string>();
  const out: [number, number][] = [];
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < sigs.length; i++) {
      const key = Array.prototype.join.call(sigs[i]!.subarray(band * ROWS, band * ROWS + ROWS), ",") as string;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x]!;
          const j = bucket[y]!;
          if (!consider(i, j)) continue;
          const key = `${i},${j}`;
          if (pairs.has(key)) continue;
          pairs.add(key);
          if (jaccard(sets[i]!, sets[j]!) >= threshold) out.push([i, j]);
        }
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
