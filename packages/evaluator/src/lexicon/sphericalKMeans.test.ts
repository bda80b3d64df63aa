import { describe, expect, it } from "vitest";
import { sphericalKMeans } from "./sphericalKMeans.js";

describe("sphericalKMeans", () => {
  it("separates rows by direction and is deterministic", () => {
    // Two bundles of unit vectors: around +x and around +y.
    const rows: number[] = [];
    for (let i = 0; i < 20; i++) {
      const angle = (i % 2 === 0 ? 0 : Math.PI / 2) + ((i % 5) - 2) * 0.05;
      rows.push(Math.cos(angle), Math.sin(angle));
    }
    const data = Float32Array.from(rows);
    const ids = sphericalKMeans(data, 2, 2);
    for (let i = 2; i < 20; i++) expect(ids[i] === ids[i % 2]).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
    expect([...sphericalKMeans(data, 2, 2)]).toEqual([...ids]);
  });
});
