import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BpeCore } from "./BpeCore.js";
import { PairTable } from "./PairTable.js";

/** The textbook algorithm: repeatedly merge the lowest-ranked adjacent pair, leftmost first. */
function naiveBpe(bytes: number[], merges: Map<string, [number, number]>): number[] {
  const ids = [...bytes];
  for (;;) {
    let best = Number.POSITIVE_INFINITY;
    let at = -1;
    for (let i = 0; i + 1 < ids.length; i++) {
      const rank = merges.get(`${ids[i]},${ids[i + 1]}`)?.[0];
      if (rank !== undefined && rank < best) {
        best = rank;
        at = i;
      }
    }
    if (at < 0) return ids;
    ids.splice(at, 2, (merges.get(`${ids[at]},${ids[at + 1]}`) as [number, number])[1]);
  }
}

/** Random merge rules over a 4-letter byte alphabet so merges actually fire. */
function randomMerges(seed: number[]): Map<string, [number, number]> {
  const merges = new Map<string, [number, number]>();
  const tokens = [97, 98, 99, 100];
  let next = 256;
  for (const s of seed) {
    const left = tokens[s % tokens.length] as number;
    const right = tokens[Math.floor(s / 7) % tokens.length] as number;
    const key = `${left},${right}`;
    if (merges.has(key)) continue;
    merges.set(key, [merges.size, next]);
    tokens.push(next++);
  }
  return merges;
}

function coreFor(merges: Map<string, [number, number]>): BpeCore {
  const pairs = new PairTable(merges.size);
  for (const [key, [rank, merged]] of merges) {
    const [left, right] = key.split(",").map(Number) as [number, number];
    pairs.add(left, right, rank, merged);
  }
  return new BpeCore(
    pairs,
    Int32Array.from({ length: 256 }, (_, b) => b),
  );
}

describe("BpeCore", () => {
  it("matches the naive algorithm on short (scan) and long (heap) pieces", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom(97, 98, 99, 100), { minLength: 1, maxLength: 300 }),
        (seed, bytes) => {
          const merges = randomMerges(seed);
          const out: number[] = [];
          coreFor(merges).encodeBytes(Uint8Array.from(bytes), bytes.length, out);
          expect(out).toEqual(naiveBpe(bytes, merges));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("merges equal-ranked pairs leftmost first (aaaaa → aa aa a)", () => {
    const merges = new Map<string, [number, number]>([["97,97", [0, 256]]]);
    const out: number[] = [];
    coreFor(merges).encodeBytes(new TextEncoder().encode("aaaaa"), 5, out);
    expect(out).toEqual([256, 256, 97]);
    const long: number[] = [];
    coreFor(merges).encodeBytes(new TextEncoder().encode("a".repeat(101)), 101, long);
    expect(long).toEqual([...new Array(50).fill(256), 97]);
  });
});

describe("PairTable", () => {
  it("finds what was added and keeps the first rank of a duplicate", () => {
    const table = new PairTable(3);
    table.add(1, 2, 0, 10);
    table.add(1, 2, 5, 11);
    table.add(2, 1, 1, 12);
    const slot = table.find(1, 2);
    expect(table.rank[slot]).toBe(0);
    expect(table.merged[slot]).toBe(10);
    expect(table.find(3, 3)).toBe(-1);
    expect(table.size).toBe(2);
  });
});
