import type { Split } from "./Example.js";

/** A group with examples in more than one split, and how many in each. */
export interface GroupAcrossSplits {
  group: string;
  splits: Partial<Record<Split, number>>;
}

/**
 * The groups (business types, invented words, blocked phrases) that have examples in more than one split, sorted
 * by group name: each is leakage, because the model trains on a business it is then tested on.
 */
export function groupsAcrossSplits(examples: readonly { group: string; split: Split }[]): GroupAcrossSplits[] {
  const byGroup = new Map<string, Partial<Record<Split, number>>>();
  for (const { group, split } of examples) {
    const counts = byGroup.get(group) ?? {};
    counts[split] = (counts[split] ?? 0) + 1;
    byGroup.set(group, counts);
  }
  return [...byGroup]
    .filter(([, splits]) => Object.keys(splits).length > 1)
    .map(([group, splits]) => ({ group, splits }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
