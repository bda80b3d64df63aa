import { describe, expect, it } from "vitest";
import { InvalidWordVectorsError } from "../errors.js";
import { defaultWordVectors, encodeWordVectors, WordVectors } from "./WordVectors.js";

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return dot / Math.sqrt(na * nb);
};

describe("WordVectors", () => {
  it("round-trips a table: unit length, int8 error under 1%, words in order", () => {
    const entries = [
      { word: "alpha", vector: [3, 4, 0, -12] },
      { word: "beta", vector: [0.001, -0.5, 0.25, 2] },
    ];
    const table = WordVectors.decode(encodeWordVectors(entries));
    expect(table.words).toEqual(["alpha", "beta"]);
    expect(table.dimensions).toBe(4);
    for (const { word, vector } of entries) {
      const decoded = table.vector(word) as Float32Array;
      expect(cosine(decoded, vector)).toBeGreaterThan(0.9999);
      expect(Math.hypot(...decoded)).toBeCloseTo(1, 2);
    }
    expect(table.vector("gamma")).toBeUndefined();
    expect(table.clusterKeys("alpha")).toEqual([]);
    expect([...table.meanVector(["gamma"])]).toEqual([0, 0, 0, 0]);
  });

  it("stores cluster ids per size and returns them as feature keys", () => {
    const entries = [
      { word: "alpha", vector: [1, 0] },
      { word: "beta", vector: [0, 1] },
    ];
    const table = WordVectors.decode(
      encodeWordVectors(
        entries,
        new Map([
          [2, [1, 0]],
          [8, [7, 3]],
        ]),
      ),
    );
    expect(table.clusterKeys("alpha")).toEqual(["c2:1", "c8:7"]);
    expect(table.clusterKeys("beta")).toEqual(["c2:0", "c8:3"]);
    expect(table.clusterKeys("gamma")).toEqual([]);
  });

  it("rejects a file of another format or a truncated one with a named error", () => {
    const bytes = encodeWordVectors([{ word: "alpha", vector: [1, 2, 3] }]);
    expect(() => WordVectors.decode(bytes.subarray(0, bytes.byteLength - 1))).toThrow(InvalidWordVectorsError);
    const wrong = bytes.slice();
    wrong[0] = 0x58;
    expect(() => WordVectors.decode(wrong)).toThrow(/expected "NWV1"/);
  });

  it("ships GloVe vectors in which related words are closer than unrelated ones", () => {
    const vectors = defaultWordVectors();
    expect(vectors.words.length).toBeGreaterThan(30_000);
    const sim = (a: string, b: string) => cosine(vectors.vector(a) as Float32Array, vectors.vector(b) as Float32Array);
    expect(sim("coffee", "espresso")).toBeGreaterThan(sim("coffee", "tax") + 0.2);
    expect(sim("floor", "office")).toBeGreaterThan(sim("floor", "vaccine"));
    expect(vectors.clusterKeys("espresso")).toHaveLength(3);
    expect(vectors.clusterKeys("espresso")[1]).toBe(vectors.clusterKeys("cappuccino")[1]);
    expect(vectors.clusterKeys("payments")[0]).toBe(vectors.clusterKeys("invoice")[0]);
    expect(vectors.clusterKeys("payments")[0]).not.toBe(vectors.clusterKeys("espresso")[0]);
    // Brand names that are no dictionary word are left out on purpose (no recognising famous companies).
    expect(vectors.vector("airbnb")).toBeUndefined();
  });
});
