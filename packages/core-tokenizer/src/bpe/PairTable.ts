/**
 * Open-addressing hash table from a token pair (left id, right id) to the pair's merge rank and the
 * id of the merged token. Typed arrays and linear probing: no per-lookup allocation, no string keys.
 */
export class PairTable {
  /** Number of pairs stored. */
  size = 0;
  /** @internal */ left: Int32Array;
  /** @internal */ right: Int32Array;
  /** @internal */ rank: Int32Array;
  /** @internal */ merged: Int32Array;
  /** @internal */ shift: number;
  #mask: number;

  /** @param expectedPairs how many pairs will be added (the table never grows past 2× this). */
  constructor(expectedPairs: number) {
    let bits = 4;
    while (1 << bits < expectedPairs * 2) bits++;
    const capacity = 1 << bits;
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity);
    this.rank = new Int32Array(capacity);
    this.merged = new Int32Array(capacity);
    this.shift = 32 - bits;
    this.#mask = capacity - 1;
  }

  /** Adds a pair; a pair already present keeps its first (lowest) rank, as llama.cpp does. */
  add(left: number, right: number, rank: number, merged: number): void {
    if (this.size * 2 >= this.left.length) throw new RangeError(`PairTable is full (${this.size} pairs)`);
    let slot = hashPair(left, right, this.shift);
    while (this.left[slot] !== -1) {
      if (this.left[slot] === left && this.right[slot] === right) return;
      slot = (slot + 1) & this.#mask;
    }
    this.left[slot] = left;
    this.right[slot] = right;
    this.rank[slot] = rank;
    this.merged[slot] = merged;
    this.size++;
  }

  /** Slot of the pair, or -1 when the pair never merges. */
  find(left: number, right: number): number {
    const keys = this.left;
    let slot = hashPair(left, right, this.shift);
    for (;;) {
      const key = keys[slot] as number;
      if (key === left && this.right[slot] === right) return slot;
      if (key === -1) return -1;
      slot = (slot + 1) & this.#mask;
    }
  }
}

/** Multiplicative hash of two ids into `32 - shift` bits. */
export function hashPair(left: number, right: number, shift: number): number {
  return Math.imul(Math.imul(left, 0x9e3779b1) ^ right, 0x85ebca6b) >>> shift;
}
