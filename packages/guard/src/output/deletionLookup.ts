const BASE = 131;
/** Bits of the hash kept in the filter: 2^23 bits (1 MB) for ~30,000 keys, under 0.5% false hits. */
const BITS = 23;

/** Polynomial hash of `text`'s code units, mod 2^32. */
function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) >>> 0;
  return hash;
}

/** The filter bit of a hash: Fibonacci hashing spreads short words' small hashes over all bits. */
function slotOf(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - BITS);
}

/**
 * Which single-deletion variants of a word may be keys of a map: each variant's hash comes from the
 * word's prefix hashes in constant time, so the variants (strings built and hashed by `Map.get`, the
 * typosquat check's main cost) are built only on a hash hit. A hit is then looked up for real.
 */
export class DeletionLookup {
  /** A one-hash Bloom filter over the keys (Uint32Array words, a `Set` of large numbers is slow). */
  readonly #filter = new Uint32Array(1 << (BITS - 5));
  readonly #powers: number[] = [1];

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      const bit = slotOf(hashOf(key));
      this.#filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /**
   * The variants whose hash is a key's (or, rarely, collides with one): the word itself (`i = -1`), then the word without its code
   * unit `i` for `i` from 0 to `count - 1`, in that order.
   */
  candidates(word: string, count: number): string[] {
    const n = word.length;
    const prefix = new Array<number>(n + 1);
    prefix[0] = 0;
    for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + word.charCodeAt(i)) >>> 0;
    while (this.#powers.length <= n) this.#powers.push(Math.imul(this.#powers.at(-1)!, BASE) >>> 0);
    const found: string[] = [];
    if (this.#has(prefix[n]!)) found.push(word);
    for (let i = 0; i < count && i < n; i++) {
      // hash(word without i) = hash(word[0, i)) · B^(n-i-1) + hash(word[i+1, n)).
      const power = this.#powers[n - i - 1]!;
      const suffix = (prefix[n]! - Math.imul(prefix[i + 1]!, power)) >>> 0;
      const hash = (Math.imul(prefix[i]!, power) + suffix) >>> 0;
      if (this.#has(hash)) found.push(word.slice(0, i) + word.slice(i + 1));
    }
    return found;
  }

  #has(hash: number): boolean {
    const bit = slotOf(hash);
    return (this.#filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}
