import type { Example, Split } from "./Example.js";
import { NearDuplicateIndex } from "./nearDuplicates.js";
import { hash32 } from "./normalize.js";

/** Split shares: train 90%, validation 5%, test 5% (of groups, not examples). */
export const SPLIT_SHARES = { train: 0.9, validation: 0.05, test: 0.05 } as const;

const ORDER: Record<Split, number> = { train: 0, validation: 1, test: 2 };
const BY_ORDER: Split[] = ["train", "validation", "test"];

/**
 * Assigns splits without leakage: whole groups (a business type, a blocked phrase, an invented word) go to one
 * split by a seeded hash, so test businesses are unseen in training; then every near-duplicate pair that still
 * straddles splits is pulled into the lower split (test → validation → train) until none is left.
 * Returns how many examples were moved.
 */
export function assignSplits(
  examples: Omit<Example, "split">[],
  seed: number | string,
  index: NearDuplicateIndex = new NearDuplicateIndex(examples.map((e) => e.text)),
): { examples: Example[]; moved: number } {
  const out: Example[] = examples.map((e) => {
    const u = hash32(`${seed}:${e.group}`) / 4294967296;
    const split: Split =
      u < SPLIT_SHARES.train ? "train" : u < SPLIT_SHARES.train + SPLIT_SHARES.validation ? "validation" : "test";
    return { ...e, split };
  });
  let moved = 0;
  for (let round = 0; round < 10; round++) {
    const pairs = index.pairs({ consider: (i, j) => out[i]!.split !== out[j]!.split });
    let changed = 0;
    for (const [i, j] of pairs) {
      const a = out[i]!;
      const b = out[j]!;
      if (a.split === b.split) continue;
      const low = Math.min(ORDER[a.split], ORDER[b.split]);
      a.split = BY_ORDER[low]!;
      b.split = BY_ORDER[low]!;
      changed++;
    }
    moved += changed;
    if (changed === 0) break;
  }
  return { examples: out, moved };
}
