import { describe, expect, it } from "vitest";
import { type Candidate, rankSuggestions, styleFit } from "./rankSuggestions.js";

const candidate = (domain: string, confidence: number, order = 0): Candidate => ({
  domain,
  label: domain.split(".")[0] as string,
  confidence,
  order,
});

describe("rankSuggestions", () => {
  it("puts higher confidence first when style does not separate", () => {
    const ranked = rankSuggestions([candidate("aaa.com", 0.2), candidate("bbb.com", 0.9)], "any", "x");
    expect(ranked.map((c) => c.domain)).toEqual(["bbb.com", "aaa.com"]);
  });

  it("is deterministic for ties: shorter, then alphabetical", () => {
    const items = [candidate("zeta.com", 0.5), candidate("alpha.com", 0.5), candidate("beta.com", 0.5)];
    expect(rankSuggestions(items, "any", "x").map((c) => c.domain)).toEqual(["beta.com", "zeta.com", "alpha.com"]);
    expect(rankSuggestions([...items].reverse(), "any", "x")).toEqual(rankSuggestions(items, "any", "x"));
  });

  it("short prefers short labels; descriptive prefers description words", () => {
    const words = new Set(["sourdough", "bakery", "lyon"]);
    expect(styleFit("zib", "short", words)).toBeGreaterThan(styleFit("zibblewobbleshop", "short", words));
    expect(styleFit("lyonbakery", "descriptive", words)).toBeGreaterThan(styleFit("qzxvtrm", "descriptive", words));
    expect(styleFit("lumora", "brandable", words)).toBeGreaterThan(styleFit("xq7-zt", "brandable", words));
  });

  it("style scores stay in [0, 1]", () => {
    const words = new Set(["bakery"]);
    for (const style of ["any", "brandable", "descriptive", "short", "playful", "professional"] as const) {
      for (const label of ["a", "bakery", "x-1", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "aeiou"]) {
        const fit = styleFit(label, style, words);
        expect(fit).toBeGreaterThanOrEqual(0);
        expect(fit).toBeLessThanOrEqual(1);
      }
    }
  });
});
