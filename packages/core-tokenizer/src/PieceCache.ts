/**
 * A bounded cache of piece → token ids with approximate LRU eviction at O(1) per access: two
 * generations of Maps; a hit in the old generation is promoted, and when the young one fills up it
 * becomes the old one. Unlike a delete-and-reinsert LRU, a hit in the young generation costs one get.
 */
export class PieceCache {
  #young = new Map<string, number | number[]>();
  #old = new Map<string, number | number[]>();
  readonly #capacity: number;

  /** @param capacity pieces per generation (up to twice this many are held). */
  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  get(piece: string): number | number[] | undefined {
    const hit = this.#young.get(piece);
    if (hit !== undefined) return hit;
    const old = this.#old.get(piece);
    if (old !== undefined) this.set(piece, old);
    return old;
  }

  set(piece: string, ids: number | number[]): void {
    if (this.#young.size >= this.#capacity) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(piece, ids);
  }

  clear(): void {
    this.#young.clear();
    this.#old.clear();
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
