import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { makeBatches, padBatch, splitValidation } from "./batching.js";
import type { TokenizedExample } from "./TokenBatch.js";

const row = (length: number, tag: number): TokenizedExample => ({
  ids: Int32Array.from({ length }, () => tag),
  lossMask: Uint8Array.from({ length }, (_, i) => (i >= length / 2 ? 1 : 0)),
});
const lengths = [5, 17, 3, 9, 12, 4, 30, 8, 2, 11];
const examples = lengths.map((length, i) => row(length, i + 10));

describe("makeBatches", () => {
  it("groups similar lengths, pads right to the batch max, and masks padding out", () => {
    const batches = makeBatches(examples, { batchSize: 3, padId: 0, shuffle: false });
    expect(batches.map((b) => b.batchSize)).toEqual([3, 3, 3, 1]);
    expect(batches.map((b) => b.seqLen)).toEqual([4, 9, 17, 30]); // sorted: 2 3 4 | 5 8 9 | 11 12 17 | 30
    const [first] = batches;
    // rows: length 2 (tag 18), 3 (tag 12), 4 (tag 15)
    expect([...first!.ids]).toEqual([18, 18, 0, 0, 12, 12, 12, 0, 15, 15, 15, 15]);
    expect([...first!.lossMask]).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1]);
    expect(first!.tokens).toBe(9);
    expect(batches.reduce((n, b) => n + b.tokens, 0)).toBe(lengths.reduce((a, b) => a + b, 0));
  });

  it("shuffles the batch order with a seed: same seed same order, another seed another order", () => {
    const order = (seed: number) => makeBatches(examples, { batchSize: 2, padId: 0, seed }).map((b) => b.seqLen);
    expect(order(1)).toEqual(order(1));
    expect([...order(1)].sort((a, b) => a - b)).toEqual([3, 5, 9, 12, 30]);
    const orders = new Set([1, 2, 3, 4, 5].map((s) => order(s).join(",")));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("keeps length order without a seed or shuffle (train() owns the per-epoch order)", () => {
    expect(makeBatches(examples, { batchSize: 2, padId: 0 }).map((b) => b.seqLen)).toEqual([3, 5, 9, 12, 30]);
    expect(makeBatches(examples, { batchSize: 2, padId: 0, seed: 1, shuffle: false }).map((b) => b.seqLen)).toEqual([
      3, 5, 9, 12, 30,
    ]);
  });

  it("rounds the padded length up to a multiple, capped at maxLength", () => {
    expect(padBatch([row(9, 1)], 0, 8).seqLen).toBe(16);
    expect(padBatch([row(9, 1)], 0, 32, 20).seqLen).toBe(20);
    expect(padBatch([row(16, 1)], 0, 8).seqLen).toBe(16);
    const batches = makeBatches(examples, { batchSize: 4, padId: 7, padMultiple: 8, shuffle: false });
    expect(batches.map((b) => b.seqLen)).toEqual([8, 16, 32]);
    expect(batches[0]!.ids.at(-1)).toBe(7);
  });

  it("rejects bad options and rows longer than maxLength", () => {
    expect(() => makeBatches(examples, { batchSize: 0, padId: 0 })).toThrow(InvalidInputError);
    expect(() => makeBatches(examples, { batchSize: 2, padId: -1 })).toThrow(InvalidInputError);
    expect(() => makeBatches(examples, { batchSize: 2, padId: 0, maxLength: 20 })).toThrow(/30 tokens/);
  });
});

describe("splitValidation", () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  it("is seeded, disjoint and complete", () => {
    const a = splitValidation(items, { fraction: 0.2, seed: 3 });
    expect(a).toEqual(splitValidation(items, { fraction: 0.2, seed: 3 }));
    expect(a.validation).toHaveLength(10);
    expect([...a.train, ...a.validation].sort((x, y) => x - y)).toEqual(items);
    expect(splitValidation(items, { fraction: 0.2, seed: 4 }).validation).not.toEqual(a.validation);
  });
  it("splits by group when given one: no group on both sides, seeded, at least the asked share", () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ i, group: `business-${i % 12}` })); // 12 groups of 5
    const byGroup = splitValidation(rows, { fraction: 0.2, seed: 3, group: (row) => row.group });
    const groupsOf = (part: typeof rows) => new Set(part.map((r) => r.group));
    const trainGroups = groupsOf(byGroup.train);
    expect([...groupsOf(byGroup.validation)].filter((g) => trainGroups.has(g))).toEqual([]);
    expect(byGroup.validation).toHaveLength(15); // 12 items asked, rounded up to whole groups of 5
    expect(byGroup.train.length + byGroup.validation.length).toBe(60);
    expect(splitValidation(rows, { fraction: 0.2, seed: 3, group: (row) => row.group })).toEqual(byGroup);
    // By item, the same data puts most held-out businesses on both sides.
    const byItem = splitValidation(rows, { fraction: 0.2, seed: 3 });
    const itemTrainGroups = groupsOf(byItem.train);
    expect([...groupsOf(byItem.validation)].filter((g) => itemTrainGroups.has(g)).length).toBeGreaterThan(0);
    // One group only: nothing can be held out without emptying training.
    expect(splitValidation(rows, { fraction: 0.5, group: () => "one" }).validation).toEqual([]);
  });

  it("keeps at least one example on each side when it can", () => {
    expect(splitValidation([1, 2, 3], { fraction: 0.01 }).validation).toHaveLength(1);
    expect(splitValidation([1], { fraction: 0.5 })).toEqual({ train: [1], validation: [] });
    expect(splitValidation(items, { fraction: 0 }).validation).toEqual([]);
    expect(() => splitValidation(items, { fraction: 1 })).toThrow(InvalidInputError);
  });
});
