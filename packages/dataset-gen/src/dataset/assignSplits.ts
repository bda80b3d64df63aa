import type { Example, Split } from "./Example.js";
import { NearDuplicateIndex } from "./nearDuplicates.js";
import { hash32 } from "./normalize.js";

/** Split shares: train 90%, validation 5%, test 5% (of groups, not examples). */
export const SPLIT_SHARES = { train: 0.9, validation: 0.05, test: 0.05 } as const;

/** What {@link assignSplits} did beyond hashing each group on its own. */
export interface SplitAssignment {
  examples: Example[];
  /** Groups joined to at least one other group because some of their texts are near-duplicates. */
  mergedGroups: number;
  /** Examples whose split differs from the one their own group's hash gives (their component's split won). */
  moved: number;
}

/**
 * Assigns splits without leakage: a whole group (a business type, a blocked phrase, an invented word) always goes
 * to one split, so test businesses are unseen in training. Groups with a near-duplicate pair between them are
 * merged (union-find) into one component first, and each component goes to the split its seeded hash gives; the
 * hash is of the component's smallest group name, so a group with no near-duplicate elsewhere keeps its own split
 * and the result does not depend on the order of the pairs.
 */
export function assignSplits(
  examples: Omit<Example, "split">[],
  seed: number | string,
  index: NearDuplicateIndex = new NearDuplicateIndex(examples.map((e) => e.text)),
): SplitAssignment {
  const groupIds = new Map<string, number>();
  const names: string[] = [];
  const ids = examples.map((e) => {
    let id = groupIds.get(e.group);
    if (id === undefined) {
      id = names.length;
      groupIds.set(e.group, id);
      names.push(e.group);
    }
    return id;
  });
  const parent = names.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const [i, j] of index.pairs({ consider: (i, j) => ids[i] !== ids[j] })) {
    const a = find(ids[i]!);
    const b = find(ids[j]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Name each component by its smallest group name (code-unit order), independent of how it was merged.
  const componentName = new Map<number, string>();
  const size = new Map<number, number>();
  names.forEach((name, id) => {
    const root = find(id);
    const seen = componentName.get(root);
    if (seen === undefined || name < seen) componentName.set(root, name);
    size.set(root, (size.get(root) ?? 0) + 1);
  });
  let moved = 0;
  const out = examples.map((e, k) => {
    const root = find(ids[k]!);
    const split = splitOfGroup(componentName.get(root)!, seed);
    if (split !== splitOfGroup(e.group, seed)) moved++;
    return { ...e, split };
  });
  const mergedGroups = names.filter((_, id) => size.get(find(id))! > 1).length;
  return { examples: out, mergedGroups, moved };
}

/** The split a group's seeded hash gives. */
export function splitOfGroup(group: string, seed: number | string): Split {
  const u = hash32(`${seed}:${group}`) / 4294967296;
  return u < SPLIT_SHARES.train ? "train" : u < SPLIT_SHARES.train + SPLIT_SHARES.validation ? "validation" : "test";
}
