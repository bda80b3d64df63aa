import { fnv1a, normalizeText } from "./normalize.js";

/** Near-duplicate = Jaccard similarity of character 5-gram sets at or above this. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

const SHINGLE = 5;
const BANDS = 6;
const ROWS = 5;
const SALTS = Array.from({ length: BANDS * ROWS }, (_, i) => fnv1a(`minhash-${i}`));

/** The character 5-gram set of a text's normalized form, as 32-bit hashes. */
export function shingles(text: string): Uint32Array {
  const t = normalizeText(text);
  if (t.length <= SHINGLE) return Uint32Array.of(fnv1a(t));
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= t.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193);
    set.add(h >>> 0);
  }
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

/** The MinHash values of one band (ROWS of them). */
function minhash(set: Uint32Array, band: number): Uint32Array {
  const sig = new Uint32Array(ROWS).fill(0xffffffff);
  for (const x of set) {
    for (let r = 0; r < ROWS; r++) {
      let h = Math.imul(x ^ SALTS[band * ROWS + r]!, 0x9e3779b1);
      h ^= h >>> 15;
      h = Math.imul(h, 0x85ebca77) >>> 0;
      if (h < sig[r]!) sig[r] = h;
    }
  }
  return sig;
}

/**
 * A MinHash LSH index (6 bands × 5 rows) over texts, built once and queried many times: candidate pairs share a
 * band bucket, and each candidate is confirmed with the exact Jaccard similarity.
 */
export class NearDuplicateIndex {
  readonly #sets: Uint32Array[];
  readonly #buckets: number[][];

  constructor(texts: readonly string[]) {
    this.#sets = texts.map(shingles);
    const buckets: number[][] = [];
    for (let band = 0; band < BANDS; band++) {
      const byKey = new Map<string, number[]>();
      for (let i = 0; i < this.#sets.length; i++) {
        const sig = minhash(this.#sets[i]!, band);
        const key = `${sig[0]},${sig[1]},${sig[2]},${sig[3]}`;
        const bucket = byKey.get(key);
        if (bucket) bucket.push(i);
        else byKey.set(key, [i]);
      }
      for (const bucket of byKey.values()) if (bucket.length > 1) buckets.push(bucket);
    }
    this.#buckets = buckets;
  }

  /** Pairs (i < j), sorted, with Jaccard ≥ `threshold` among those for which `consider(i, j)` is true. */
  pairs(options: { threshold?: number; consider?: (i: number, j: number) => boolean } = {}): [number, number][] {
    const { threshold = NEAR_DUPLICATE_THRESHOLD, consider = () => true } = options;
    const n = this.#sets.length;
    const found = new Set<number>();
    const out: [number, number][] = [];
    for (const bucket of this.#buckets) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x]!;
          const j = bucket[y]!;
          if (!consider(i, j)) continue;
          // A pair can share several bands: confirm it again rather than remember every candidate.
          const key = i * n + j;
          if (found.has(key) || jaccard(this.#sets[i]!, this.#sets[j]!) < threshold) continue;
          found.add(key);
          out.push([i, j]);
        }
      }
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
}

/** Near-duplicate pairs (i < j) of texts; see {@link NearDuplicateIndex}. */
export function findNearDuplicates(
  texts: readonly string[],
  options: { threshold?: number; consider?: (i: number, j: number) => boolean } = {},
): [number, number][] {
  return new NearDuplicateIndex(texts).pairs(options);
}
