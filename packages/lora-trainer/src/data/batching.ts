import { InvalidInputError } from "../errors.js";
import { seededRandom, shuffled } from "./seededRandom.js";
import type { TokenBatch, TokenizedExample } from "./TokenBatch.js";

/** Options for {@link makeBatches}. */
export interface MakeBatchesOptions {
  /** Examples per batch (the last batch may be smaller). */
  batchSize: number;
  /** Id written into padded positions (their loss mask is 0, so any valid id works). */
  padId: number;
  /** Round each batch's length up to a multiple of this (8 or 32 suit SIMD kernels). Defaults to 1. */
  padMultiple?: number;
  /** Never pad beyond this length (e.g. the context length). Defaults to no limit. */
  maxLength?: number;
  /** Seed of the batch order when shuffling; use e.g. `seed + epoch` for a new order every epoch. Defaults to 0. */
  seed?: number;
  /**
   * Shuffle the batch order, for loops other than `train()` that iterate the batches themselves. `train()` owns the
   * per-epoch order (a seeded shuffle per epoch, `args.shuffle`), so batches meant for it need no shuffle here.
   * Defaults to true when `seed` is given, else false (length order).
   */
  shuffle?: boolean;
}

/**
 * Length-sorted batching: sorts examples by length (stable), cuts them into batches of similar length so little
 * compute goes to padding, and, when asked (`shuffle`, or a `seed`), shuffles the order of the batches with a seeded
 * PRNG (the same seed gives the same batches in the same order). Rows are right-padded to the batch's longest row,
 * rounded up to `padMultiple`. For `train()`, leave the order alone: it shuffles per epoch itself.
 */
export function makeBatches(examples: readonly TokenizedExample[], options: MakeBatchesOptions): TokenBatch[] {
  const { batchSize, padId, padMultiple = 1, maxLength = Number.POSITIVE_INFINITY, seed = 0 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new InvalidInputError(`batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(padMultiple) || padMultiple < 1)
    throw new InvalidInputError(`padMultiple must be a positive integer, got ${padMultiple}`);
  if (!Number.isInteger(padId) || padId < 0) throw new InvalidInputError(`padId must be a token id, got ${padId}`);
  const order = examples.map((example, index) => ({ example, index }));
  order.sort((a, b) => a.example.ids.length - b.example.ids.length || a.index - b.index);
  const groups: TokenizedExample[][] = [];
  for (let i = 0; i < order.length; i += batchSize) groups.push(order.slice(i, i + batchSize).map((o) => o.example));
  const shuffle = options.shuffle ?? options.seed !== undefined;
  const ordered = shuffle ? shuffled(groups, seededRandom(seed)) : groups;
  return ordered.map((group) => padBatch(group, padId, padMultiple, maxLength));
}

/** Right-pads `rows` into one {@link TokenBatch}. */
export function padBatch(
  rows: readonly TokenizedExample[],
  padId: number,
  padMultiple = 1,
  maxLength = Number.POSITIVE_INFINITY,
): TokenBatch {
  const longest = rows.reduce((n, r) => Math.max(n, r.ids.length), 0);
  if (longest > maxLength) throw new InvalidInputError(`a row has ${longest} tokens, more than maxLength ${maxLength}`);
  const seqLen = Math.max(longest, Math.min(maxLength, Math.ceil(longest / padMultiple) * padMultiple));
  const ids = new Int32Array(rows.length * seqLen).fill(padId);
  const lossMask = new Float32Array(rows.length * seqLen);
  let tokens = 0;
  rows.forEach((row, b) => {
    if (row.lossMask.length !== row.ids.length)
      throw new InvalidInputError(`row ${b}: ${row.ids.length} ids but ${row.lossMask.length} mask entries`);
    ids.set(row.ids, b * seqLen);
    lossMask.set(row.lossMask, b * seqLen);
    tokens += row.ids.length;
  });
  return { batchSize: rows.length, seqLen, ids, lossMask, tokens };
}

/** Options for {@link splitValidation}. */
export interface SplitValidationOptions<T = unknown> {
  /** Share of examples held out, in [0, 1). Defaults to 0.1. */
  fraction?: number;
  /** Defaults to 0. */
  seed?: number;
  /** Hold out at least this many when `fraction > 0` (and leave at least one for training). Defaults to 1. */
  minValidation?: number;
  /**
   * The group an item belongs to (e.g. its business in a dataset's `*.meta.jsonl`). When given, whole groups are held
   * out, so no group has items on both sides and validation measures unseen groups; `fraction` and `minValidation` then
   * count items, rounded up to whole groups. Defaults to none (split by item).
   */
  group?: (item: T, index: number) => string | number;
}

/**
 * A seeded train / validation split: the same seed and input give the same split. Input order is kept within each part.
 * Split by group (`group`) when items come in groups (several examples per business): a by-item split puts the same
 * business on both sides and flatters the validation loss. datasets/v1 already ships a group-disjoint
 * `validation.jsonl`: prefer it (`prepareDataset`'s `validationPath`) to splitting its training file.
 */
export function splitValidation<T>(
  items: readonly T[],
  options: SplitValidationOptions<T> = {},
): { train: T[]; validation: T[] } {
  const { fraction = 0.1, seed = 0, minValidation = 1, group } = options;
  if (!(fraction >= 0 && fraction < 1)) throw new InvalidInputError(`fraction must be in [0, 1), got ${fraction}`);
  if (fraction === 0 || items.length < 2) return { train: [...items], validation: [] };
  const count = Math.min(items.length - 1, Math.max(minValidation, Math.round(items.length * fraction)));
  const random = seededRandom(seed ^ 0x5eed);
  let held: Set<number>;
  if (group) {
    const members = new Map<string | number, number[]>();
    items.forEach((item, i) => {
      const key = group(item, i);
      members.set(key, [...(members.get(key) ?? []), i]);
    });
    if (members.size < 2) return { train: [...items], validation: [] };
    held = new Set();
    for (const key of shuffled([...members.keys()], random)) {
      if (held.size >= count) break;
      const indices = members.get(key)!;
      if (items.length - held.size - indices.length < 1) continue; // leave at least one group for training
      for (const i of indices) held.add(i);
    }
  } else held = new Set(shuffled([...items.keys()], random).slice(0, count));
  return {
    train: items.filter((_, i) => !held.has(i)),
    validation: items.filter((_, i) => held.has(i)),
  };
}
