/**
 * Pair key → (count, words it occurs in), an open-addressing table for the BPE trainer: one probe
 * finds both, with no Map entry objects. Keys are non-negative integers below 2^53. Entries are
 * never removed (a count can fall to zero), which keeps probing simple.
 */
export class PairCounts {
  #keys: Float64Array;
  #counts: Float64Array;
  #words: Array<number[] | undefined>;
  #shift: number;
  #size = 0;

  constructor(expected: number) {
    let bits = 10;
    while (1 << bits < expected * 2) bits++;
    this.#keys = new Float64Array(1 << bits).fill(-1);
    this.#counts = new Float64Array(1 << bits);
    this.#words = new Array(1 << bits);
    this.#shift = 32 - bits;
  }

  /** Current count of `key` (0 when never seen). */
  get(key: number): number {
    const slot = this.#find(key);
    return this.#keys[slot] === key ? (this.#counts[slot] as number) : 0;
  }

  /** Adds `delta` to the count; for positive deltas records that `word` holds the pair. Returns the new count. */
  add(key: number, delta: number, word: number): number {
    let slot = this.#find(key);
    if (this.#keys[slot] !== key) {
      if (2 * (this.#size + 1) > this.#keys.length) {
        this.#grow();
        slot = this.#find(key);
      }
      this.#keys[slot] = key;
      this.#size++;
    }
    const count = (this.#counts[slot] as number) + delta;
    this.#counts[slot] = count;
    if (delta > 0) {
      const list = this.#words[slot];
      if (list === undefined) this.#words[slot] = [word];
      else if (list[list.length - 1] !== word) list.push(word);
    }
    return count;
  }

  /** Words recorded for `key` (possibly stale: the trainer re-checks each word). */
  words(key: number): readonly number[] {
    const slot = this.#find(key);
    return this.#keys[slot] === key ? (this.#words[slot] ?? []) : [];
  }

  /** Forgets a merged pair: it can never occur again. */
  clear(key: number): void {
    const slot = this.#find(key);
    if (this.#keys[slot] !== key) return;
    this.#words[slot] = undefined;
    this.#counts[slot] = 0;
  }

  /** Calls `each(key, count)` for every pair with a positive count. */
  forEach(each: (key: number, count: number) => void): void {
    for (let slot = 0; slot < this.#keys.length; slot++) {
      const count = this.#counts[slot] as number;
      if (this.#keys[slot] !== -1 && count > 0) each(this.#keys[slot] as number, count);
    }
  }

  #find(key: number): number {
    const keys = this.#keys;
    const mask = keys.length - 1;
    let slot = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1) >>> this.#shift;
    for (;;) {
      const found = keys[slot] as number;
      if (found === key || found === -1) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const keys = this.#keys;
    const counts = this.#counts;
    const words = this.#words;
    this.#keys = new Float64Array(keys.length * 2).fill(-1);
    this.#counts = new Float64Array(keys.length * 2);
    this.#words = new Array(keys.length * 2);
    this.#shift--;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] as number;
      if (key === -1) continue;
      const to = this.#find(key);
      this.#keys[to] = key;
      this.#counts[to] = counts[slot] as number;
      this.#words[to] = words[slot];
    }
  }
}
