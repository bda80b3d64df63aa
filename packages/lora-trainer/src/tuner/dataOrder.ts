/** The order batches are visited in: a seeded shuffle per epoch, so micro-batch n is the same batch in every run. */

/** mulberry32: a small seeded PRNG with a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index of the batch that micro-batch `position` (0-based, across epochs) trains on. */
export function createDataOrder(batchCount: number, seed: number, shuffle: boolean): (position: number) => number {
  const epochs = new Map<number, Int32Array>();
  const orderOf = (epoch: number): Int32Array => {
    let order = epochs.get(epoch);
    if (!order) {
      order = Int32Array.from({ length: batchCount }, (_, i) => i);
      if (shuffle) {
        const random = mulberry32(Math.imul(seed + 1, 0x9e3779b1) ^ epoch);
        for (let i = batchCount - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      epochs.clear(); // only the current epoch is ever needed again
      epochs.set(epoch, order);
    }
    return order;
  };
  return (position) => orderOf(Math.floor(position / batchCount))[position % batchCount]!;
}
