import { describe, expect, it } from "vitest";
import { Rng } from "./Rng.js";

describe("Rng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it("keeps draws in range and roughly uniform", () => {
    const rng = new Rng("uniform");
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(0, 3) + 1]!++;
    expect(counts[0]).toBe(0);
    expect(counts[5]).toBe(0);
    for (const c of counts.slice(1, 5)) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it("forks independent streams that do not depend on draws made on the parent after the fork", () => {
    const parent = new Rng(1);
    const child1 = parent.fork(7).nextUint32();
    const other = new Rng(1);
    expect(other.fork(7).nextUint32()).toBe(child1);
    expect(other.fork(8).nextUint32()).not.toBe(child1);
  });

  it("picks by weight and shuffles without losing items", () => {
    const rng = new Rng(3);
    let heavy = 0;
    for (let i = 0; i < 5000; i++) if (rng.weighted({ a: 9, b: 1 }) === "a") heavy++;
    expect(heavy / 5000).toBeGreaterThan(0.85);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
