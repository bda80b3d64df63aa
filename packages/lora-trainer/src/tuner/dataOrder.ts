/**
 * The order batches are visited in: a seeded shuffle per epoch, so micro-batch n is the same batch in every run.
 * `train()` owns this order; batches from `makeBatches` / `prepareDataset` come in length order unless asked otherwise.
 */
import { seededRandom, shuffled } from "../data/seededRandom.js";

/** Index of the batch that micro-batch `position` (0-based, across epochs) trains on. */
export function createDataOrder(batchCount: number, seed: number, shuffle: boolean): (position: number) => number {
  const epochs = new Map<number, readonly number[]>();
  const orderOf = (epoch: number): readonly number[] => {
    let order = epochs.get(epoch);
    if (!order) {
      const identity = Array.from({ length: batchCount }, (_, i) => i);
      order = shuffle ? shuffled(identity, seededRandom(Math.imul(seed + 1, 0x9e3779b1) ^ epoch)) : identity;
      epochs.clear(); // only the current epoch is ever needed again
      epochs.set(epoch, order);
    }
    return order;
  };
  return (position) => orderOf(Math.floor(position / batchCount))[position % batchCount]!;
}
