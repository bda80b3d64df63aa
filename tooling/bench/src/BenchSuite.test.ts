import { describe, expect, it } from "vitest";
import { BenchSuite } from "./BenchSuite.js";
import { measure, summarize } from "./measure.js";

describe("measure", () => {
  it("runs warm-up and repeats the requested number of times", async () => {
    let calls = 0;
    const timings = await measure(() => calls++, { warmup: 3, repeats: 4 });
    expect(calls).toBe(7);
    expect(timings.samplesMs).toHaveLength(4);
    expect(timings.minMs).toBeLessThanOrEqual(timings.medianMs);
    expect(timings.medianMs).toBeLessThanOrEqual(timings.maxMs);
  });

  it("rejects a non-positive repeat count", async () => {
    await expect(measure(() => 0, { repeats: 0 })).rejects.toThrow(RangeError);
  });

  it("takes the middle of an even sample", () => {
    expect(summarize([4, 1, 3, 2]).medianMs).toBe(2.5);
  });
});

describe("BenchSuite", () => {
  it("prints one JSON line per result with the environment and a ratio table", async () => {
    const lines: string[] = [];
    const suite = new BenchSuite("demo", { print: (line) => lines.push(line) });
    await suite.add({
      name: "fast",
      backend: "a",
      work: { amount: 1000, unit: "B" },
      repeats: 2,
      warmup: 0,
      fn: () => 1,
    });
    await suite.add({
      name: "slow",
      backend: "b",
      repeats: 2,
      warmup: 0,
      fn: () => new Promise((resolve) => setTimeout(resolve, 5)),
    });
    const first = JSON.parse(lines[0] as string);
    expect(first).toMatchObject({ suite: "demo", name: "fast", backend: "a" });
    expect(first.environment.node).toBe(process.version);
    expect(first.environment.loadAverage).toHaveLength(3);
    expect(first.perSecond).toBeGreaterThan(0);
    const table = suite.table({ baseline: "fast" });
    expect(table).toContain("load");
    expect(table).toMatch(/slow\s+b/);
  });
});
