import { describe, expect, it } from "vitest";
import { InvalidSampleError } from "../errors.js";
import { cohenKappa, spearman } from "./agreement.js";
import { bootstrapMean, formatEstimate } from "./bootstrap.js";
import { comparePaired } from "./pairedComparison.js";
import { seededRandom } from "./random.js";
import { normalCdf, ranks, wilcoxonSignedRank } from "./wilcoxon.js";

describe("bootstrap", () => {
  it("brackets the mean and shrinks with n", () => {
    const random = seededRandom(3);
    const small = Array.from({ length: 30 }, () => random() * 10);
    const large = Array.from({ length: 3000 }, () => random() * 10);
    const a = bootstrapMean(small);
    const b = bootstrapMean(large);
    expect(a.low).toBeLessThan(a.value);
    expect(a.high).toBeGreaterThan(a.value);
    expect(b.high - b.low).toBeLessThan((a.high - a.low) / 4);
    expect(b.value).toBeCloseTo(5, 0);
    expect(formatEstimate(a)).toMatch(/\(n=30\)$/);
  });
  it("rejects an empty sample", () => {
    expect(() => bootstrapMean([])).toThrow(InvalidSampleError);
  });
});

describe("wilcoxonSignedRank", () => {
  it("matches the textbook example (n=10, W+=27.5)", () => {
    // Differences with ties; scipy.stats.wilcoxon(..., correction=True, method="approx") gives p≈0.5
    const a = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135];
    const b = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145];
    const result = wilcoxonSignedRank(b, a);
    expect(result.n).toBe(9);
    expect(result.wPlus).toBe(27);
    expect(result.p).toBeGreaterThan(0.4);
    expect(result.p).toBeLessThan(0.8);
  });
  it("finds a consistent shift significant", () => {
    const a = Array.from({ length: 40 }, (_, i) => i % 7);
    const b = a.map((x, i) => x + 0.5 + (i % 3) * 0.1);
    const result = wilcoxonSignedRank(a, b);
    expect(result.wPlus).toBe((40 * 41) / 2);
    expect(result.p).toBeLessThan(1e-6);
  });
  it("averages tied ranks and has a sane normal CDF", () => {
    expect(ranks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 3);
  });
});

describe("comparePaired", () => {
  it("says B is better when it is, and not when it is noise", () => {
    const random = seededRandom(9);
    const a = Array.from({ length: 500 }, () => random() * 10);
    const better = a.map((x) => x + 0.4 + (random() - 0.5));
    const noise = a.map((x) => x + (random() - 0.5));
    expect(comparePaired(a, better).verdict).toBe("B better");
    expect(comparePaired(better, a).verdict).toBe("A better");
    const same = comparePaired(a, noise);
    expect(same.delta.low).toBeLessThan(0.1);
    expect(same.delta.n).toBe(500);
  });
});

describe("agreement", () => {
  it("computes Spearman and Cohen's kappa", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(cohenKappa(["a", "b", "a", "b"], ["a", "b", "a", "b"])).toBe(1);
    // 2x2 table [[20,5],[10,15]]: po=0.7, pe=0.5 → kappa 0.4
    const x = [...Array(20).fill("y"), ...Array(5).fill("y"), ...Array(10).fill("n"), ...Array(15).fill("n")];
    const y = [...Array(20).fill("y"), ...Array(5).fill("n"), ...Array(10).fill("y"), ...Array(15).fill("n")];
    expect(cohenKappa(x, y)).toBeCloseTo(0.4, 6);
  });
});
