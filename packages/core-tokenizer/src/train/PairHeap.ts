/**
 * Max-heap of (count, pair) for the BPE trainer: highest count first, ties broken by the smaller
 * pair key (left id, then right id) so training is deterministic. Entries go stale when a count
 * changes; the trainer re-pushes the new count and skips entries whose count no longer matches.
 */
export class PairHeap {
  #counts: number[] = [];
  #keys: number[] = [];

  get size(): number {
    return this.#keys.length;
  }

  push(count: number, key: number): void {
    const counts = this.#counts;
    const keys = this.#keys;
    let i = keys.length;
    counts.push(count);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(count, key, counts[parent] as number, keys[parent] as number)) break;
      counts[i] = counts[parent] as number;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    counts[i] = count;
    keys[i] = key;
  }

  /** Removes the top entry; returns [count, key]. */
  pop(): [number, number] {
    const counts = this.#counts;
    const keys = this.#keys;
    const top: [number, number] = [counts[0] as number, keys[0] as number];
    const lastCount = counts.pop() as number;
    const lastKey = keys.pop() as number;
    const size = keys.length;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (
        child + 1 < size &&
        before(counts[child + 1] as number, keys[child + 1] as number, counts[child] as number, keys[child] as number)
      )
        child++;
      if (!before(counts[child] as number, keys[child] as number, lastCount, lastKey)) break;
      counts[i] = counts[child] as number;
      keys[i] = keys[child] as number;
      i = child;
    }
    counts[i] = lastCount;
    keys[i] = lastKey;
    return top;
  }
}

function before(countA: number, keyA: number, countB: number, keyB: number): boolean {
  return countA > countB || (countA === countB && keyA < keyB);
}
