import { describe, expect, it } from "vitest";
import { seededRandom } from "../../stats/random.js";
import { fitRanking } from "./fitLogistic.js";

describe("fitRanking", () => {
  it("learns which feature puts the real candidate first, ignoring a per-group offset", () => {
    const random = seededRandom(4);
    // Feature 0 is higher for the real candidate; feature 1 is a group-wide offset plus noise (no signal).
    const groups = Array.from({ length: 300 }, () => {
      const offset = random() * 10;
      return Array.from({ length: 5 }, (_, k) => [(k === 0 ? 1 : 0) + random() * 1.5, offset + random()]);
    });
    const { weights } = fitRanking(groups);
    expect(weights[0]).toBeGreaterThan(1);
    expect(Math.abs(weights[1] as number)).toBeLessThan(0.3 * (weights[0] as number));
    const firstWins = groups.filter((group) => {
      const score = (row: number[]) =>
        (weights[0] as number) * (row[0] as number) + (weights[1] as number) * (row[1] as number);
      return group.slice(1).every((row) => score(group[0] as number[]) > score(row));
    }).length;
    expect(firstWins / groups.length).toBeGreaterThan(0.5);
  });
});
