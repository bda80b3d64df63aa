import { describe, expect, it } from "vitest";
import { assignSplits } from "./assignSplits.js";
import type { Example } from "./Example.js";
import { findNearDuplicates, jaccard, shingles } from "./nearDuplicates.js";
import { normalizeText } from "./normalize.js";

describe("near-duplicates", () => {
  it("normalizes case, punctuation and spacing", () => {
    expect(normalizeText("  Dog-Grooming   SALON!! ")).toBe("dog grooming salon");
  });

  it("measures Jaccard on character 5-grams", () => {
    expect(jaccard(shingles("organic bakery in Lyon"), shingles("Organic bakery in Lyon!"))).toBe(1);
    expect(jaccard(shingles("organic bakery in Lyon"), shingles("yoga studio for runners"))).toBeLessThan(0.1);
  });

  it("finds near-duplicate pairs and only those, among the pairs asked about", () => {
    const texts = [
      "We run a cozy organic bakery in Lyon for busy professionals with same-day delivery.",
      "We run a cozy organic bakery in Lyon for busy professionals, with same-day delivery!",
      "Vintage guitar shop in Austin for musicians.",
      "Pilates studio for new moms in Leeds",
    ];
    expect(findNearDuplicates(texts)).toEqual([[0, 1]]);
    expect(findNearDuplicates(texts, { consider: () => false })).toEqual([]);
  });

  it("pulls near-duplicates that straddle splits into one split", () => {
    const base = "We run a cozy organic bakery in Lyon for busy professionals with same-day delivery";
    const rows = Array.from({ length: 200 }, (_, i) => ({
      id: String(i),
      text:
        i < 100
          ? `${base} ${i % 2 === 0 ? "." : "!"} ${"x".repeat(i % 3)}`
          : `unique business number ${i} ${"abcdefghij"[i % 10]!.repeat(i % 7)} q${i * 7919}`,
      assistant: "",
      group: `g${i}`,
      meta: {} as Example["meta"],
    }));
    const { examples, moved } = assignSplits(rows, 1);
    expect(moved).toBeGreaterThan(0);
    const pairs = findNearDuplicates(
      examples.map((e) => e.text),
      { consider: (i, j) => examples[i]!.split !== examples[j]!.split },
    );
    expect(pairs).toEqual([]);
  });
});
