import type { PairTable } from "./PairTable.js";

const NO_MERGE = 0x7fffffff;
/** Pieces with more bytes than this use the heap; shorter ones a linear scan (cheaper when short). */
const HEAP_THRESHOLD = 64;
const POSITION_SCALE = 4294967296;

/**
 * The pure merge engine: bytes in, token ids out, over a {@link PairTable} of ranks. No I/O, no
 * vocabulary strings. At every step it merges the adjacent pair with the lowest rank, leftmost first;
 * that is what llama.cpp, Hugging Face tokenizers and tiktoken all do, so any of their vocabularies
 * (merge lists or tiktoken ranks turned into pairs) gives their exact ids.
 */
export class BpeCore {
  readonly #pairs: PairTable;
  readonly #byteToId: Int32Array;
  #ids = new Int32Array(HEAP_THRESHOLD);
  #ranks = new Int32Array(HEAP_THRESHOLD);
  #merged = new Int32Array(HEAP_THRESHOLD);

  /** @param byteToId the token id of each single byte (all 256 must exist in a byte-level vocabulary). */
  constructor(pairs: PairTable, byteToId: Int32Array) {
    this.#pairs = pairs;
    this.#byteToId = byteToId;
  }

  /** Appends the ids of `bytes[0..length)` to `out`. */
  encodeBytes(bytes: Uint8Array, length: number, out: number[]): void {
    if (length === 1) out.push(this.#byteToId[bytes[0] as number] as number);
    else if (length <= HEAP_THRESHOLD) this.#encodeShort(bytes, length, out);
    else this.#encodeLong(bytes, length, out);
  }

  #rankOf(left: number, right: number, mergedOut: Int32Array, at: number): number {
    const pairs = this.#pairs;
    const slot = pairs.find(left, right);
    if (slot < 0) return NO_MERGE;
    mergedOut[at] = pairs.merged[slot] as number;
    return pairs.rank[slot] as number;
  }

  /** O(n²) in the worst case with tiny constants: arrays shift left on each merge. */
  #encodeShort(bytes: Uint8Array, length: number, out: number[]): void {
    const ids = this.#ids;
    const ranks = this.#ranks;
    const merged = this.#merged;
    const byteToId = this.#byteToId;
    for (let i = 0; i < length; i++) ids[i] = byteToId[bytes[i] as number] as number;
    let n = length;
    for (let i = 0; i + 1 < n; i++) ranks[i] = this.#rankOf(ids[i] as number, ids[i + 1] as number, merged, i);
    for (;;) {
      let best = NO_MERGE;
      let at = -1;
      for (let i = 0; i + 1 < n; i++) {
        const rank = ranks[i] as number;
        if (rank < best) {
          best = rank;
          at = i;
        }
      }
      if (at < 0) break;
      ids[at] = merged[at] as number;
      for (let i = at + 1; i + 1 < n; i++) {
        ids[i] = ids[i + 1] as number;
        ranks[i] = ranks[i + 1] as number;
        merged[i] = merged[i + 1] as number;
      }
      n--;
      if (at + 1 < n) ranks[at] = this.#rankOf(ids[at] as number, ids[at + 1] as number, merged, at);
      else ranks[at] = NO_MERGE;
      if (at > 0) ranks[at - 1] = this.#rankOf(ids[at - 1] as number, ids[at] as number, merged, at - 1);
    }
    for (let i = 0; i < n; i++) out.push(ids[i] as number);
  }

  /** O(n log n): a doubly linked list of symbols and a min-heap of (rank, position) keys with lazy deletion. */
  #encodeLong(bytes: Uint8Array, length: number, out: number[]): void {
    const pairs = this.#pairs;
    const ids = new Int32Array(length);
    const next = new Int32Array(length);
    const prev = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      ids[i] = this.#byteToId[bytes[i] as number] as number;
      next[i] = i + 1 < length ? i + 1 : -1;
      prev[i] = i - 1;
    }
    const heap = new MinHeap(length);
    const push = (at: number): void => {
      const right = next[at] as number;
      if (right < 0) return;
      const slot = pairs.find(ids[at] as number, ids[right] as number);
      if (slot >= 0) heap.push((pairs.rank[slot] as number) * POSITION_SCALE + at);
    };
    for (let i = 0; i + 1 < length; i++) push(i);
    while (heap.size > 0) {
      const key = heap.pop();
      const at = key % POSITION_SCALE;
      const rank = (key - at) / POSITION_SCALE;
      const right = next[at] as number;
      // Stale entry: the left symbol was merged away (ids[at] = -1) or its pair changed.
      if (ids[at] === -1 || right < 0) continue;
      const slot = pairs.find(ids[at] as number, ids[right] as number);
      if (slot < 0 || pairs.rank[slot] !== rank) continue;
      ids[at] = pairs.merged[slot] as number;
      ids[right] = -1;
      const after = next[right] as number;
      next[at] = after;
      if (after >= 0) prev[after] = at;
      push(at);
      const before = prev[at] as number;
      if (before >= 0) push(before);
    }
    for (let i = 0; i >= 0; i = next[i] as number) out.push(ids[i] as number);
  }
}

/** Binary min-heap of float64 keys. */
class MinHeap {
  #keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.#keys = new Float64Array(Math.max(16, capacity));
  }
  push(key: number): void {
    if (this.size === this.#keys.length) {
      const grown = new Float64Array(this.#keys.length * 2);
      grown.set(this.#keys);
      this.#keys = grown;
    }
    const keys = this.#keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    keys[i] = key;
  }
  pop(): number {
    const keys = this.#keys;
    const top = keys[0] as number;
    const last = keys[--this.size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && (keys[child + 1] as number) < (keys[child] as number)) child++;
      if ((keys[child] as number) >= last) break;
      keys[i] = keys[child] as number;
      i = child;
    }
    keys[i] = last;
    return top;
  }
}
