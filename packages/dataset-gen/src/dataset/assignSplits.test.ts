import { describe, expect, it } from "vitest";
import { assignSplits, splitOfGroup } from "./assignSplits.js";
import type { Example } from "./Example.js";
import { groupsAcrossSplits } from "./groupsAcrossSplits.js";
import { findNearDuplicates } from "./nearDuplicates.js";
import { hash32 } from "./normalize.js";

/** A text with no 5-gram in common with any other (random base-36 words). */
const unique = (key: string) => Array.from({ length: 8 }, (_, k) => hash32(`${key}/${k}`).toString(36)).join(" ");
const row = (group: string, text: string): Omit<Example, "split"> => ({
  id: `${group}/${text.length}`,
  text,
  assistant: "",
  group,
  meta: {} as Example["meta"],
});
/** The first name `prefix-k` whose own split differs from `other`'s, so the test proves the merge. */
const groupNotIn = (prefix: string, split: string) => {
  for (let k = 0; ; k++) if (splitOfGroup(`${prefix}-${k}`, 1) !== split) return `${prefix}-${k}`;
};

describe("assignSplits", () => {
  const shared = "We run a cozy pet store in Lyon for busy professionals with same-day delivery";
  const big = groupNotIn("pet store", "train");
  const small = groupNotIn("pet shop", splitOfGroup(big, 1));
  const third = groupNotIn("pets", "none");
  const rows = [
    ...Array.from({ length: 30 }, (_, i) => row(big, unique(`${big}${i}`))),
    row(big, shared),
    row(small, `${shared}!`),
    row(small, unique("small")),
    // A chain: `third` is near `small` only, so it joins the same component.
    row(third, `${unique("small")} x`),
    ...Array.from({ length: 20 }, (_, i) => row(`alone-${i}`, unique(`alone${i}`))),
  ];

  it("keeps every group whole when one example is a near-duplicate of another group's", () => {
    expect(splitOfGroup(big, 1)).not.toBe(splitOfGroup(small, 1));
    const { examples, mergedGroups, moved } = assignSplits(rows, 1);
    expect(groupsAcrossSplits(examples)).toEqual([]);
    const splitOf = (group: string) => examples.find((e) => e.group === group)!.split;
    // The component {big, small, third} goes where its smallest group name's hash sends it.
    const component = [big, small, third].sort()[0]!;
    for (const group of [big, small, third]) expect(splitOf(group)).toBe(splitOfGroup(component, 1));
    expect(mergedGroups).toBe(3);
    expect(moved).toBe(examples.filter((e) => e.split !== splitOfGroup(e.group, 1)).length);
    expect(moved).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) expect(splitOf(`alone-${i}`)).toBe(splitOfGroup(`alone-${i}`, 1));
    const cross = findNearDuplicates(
      examples.map((e) => e.text),
      { consider: (i, j) => examples[i]!.split !== examples[j]!.split },
    );
    expect(cross).toEqual([]);
  });

  it("does not depend on the order of the examples", () => {
    const forward = assignSplits(rows, 1).examples;
    const backward = assignSplits([...rows].reverse(), 1).examples.reverse();
    expect(backward.map((e) => e.split)).toEqual(forward.map((e) => e.split));
  });
});
