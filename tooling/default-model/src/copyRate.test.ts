import { describe, expect, it } from "vitest";
import { copiesWord, scoreCopies } from "./copyRate.js";

describe("copy rate", () => {
  it("finds the word inside a label, ignoring hyphens and the TLD", () => {
    expect(copiesWord("taxi", ["mytaxi.com"])).toBe(true);
    expect(copiesWord("taxico", ["taxi-co.io"])).toBe(true);
    expect(copiesWord("taxi", ["taxcab.com", "cab.taxi"])).toBe(false);
    expect(copiesWord("Kiln", ["bestkiln.shop"])).toBe(true);
  });

  it("aggregates copy, parse and valid rates", () => {
    const report = scoreCopies([
      { word: "kiln", domains: ["kilnworks.com", "fire.io"], parsed: true, valid: 2 },
      { word: "doula", domains: ["birth.com"], parsed: true, valid: 1 },
      { word: "quarry", domains: [], parsed: false, valid: 0 },
    ]);
    expect(report).toEqual({ probes: 3, copyRate: 1 / 3, copied: 1, parseRate: 2 / 3, validRate: 1, meanDomains: 1 });
    expect(scoreCopies([]).copyRate).toBe(0);
  });
});
