import { describe, expect, it } from "vitest";
import { recommendThreads } from "./recommendThreads.js";

describe("recommendThreads", () => {
  it.each([
    [1, 1, 1],
    [2, 1, 1], // measured: 1 thread 2,340 tok/s vs 2 threads 104 tok/s on 2 loaded cores
    [2, 4, 1],
    [8, 1, 4],
    [8, 4, 7],
    [16, 2, 8],
  ])("%i cores, %i sequences → %i threads", (cores, sequences, expected) => {
    expect(recommendThreads({ cores, sequences })).toBe(expected);
  });

  it("never returns fewer than 1 or more than the cores", () => {
    for (let cores = 1; cores <= 64; cores++) {
      const threads = recommendThreads({ cores, sequences: 3 });
      expect(threads).toBeGreaterThanOrEqual(1);
      expect(threads).toBeLessThanOrEqual(cores);
    }
  });
});
