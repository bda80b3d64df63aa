import { describe, expect, it } from "vitest";
import { fnv1a32, isTestSplit } from "./fnv1a.js";

describe("fnv1a32", () => {
  it.each([
    ["", 0x811c9dc5],
    ["a", 0xe40c292c],
    ["foobar", 0xbf9cf968],
  ])("hashes %j like the reference", (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });
  it("puts about a fifth of names in the test split", () => {
    const names = Array.from({ length: 5000 }, (_, i) => `company-${i}`);
    const share = names.filter(isTestSplit).length / names.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
  });
});
