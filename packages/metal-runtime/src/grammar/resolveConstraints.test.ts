import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../errors.js";
import { DEFAULT_TLDS, matchesConstraints, resolveConstraints } from "./resolveConstraints.js";

describe("resolveConstraints", () => {
  it("fills in documented defaults", () => {
    expect(resolveConstraints()).toEqual({
      count: 5,
      minCount: 1,
      tlds: [...DEFAULT_TLDS],
      maxLabelLength: 63,
      allowHyphens: true,
      allowDigits: true,
      mustInclude: [],
      allowBlocked: true,
    });
  });

  it("normalizes TLDs and words", () => {
    const c = resolveConstraints({ tlds: [".COM", "co.uk", "com"], mustInclude: [" Bake "] });
    expect(c.tlds).toEqual(["com", "co.uk"]);
    expect(c.mustInclude).toEqual(["bake"]);
  });

  it.each([
    [{ count: 0 }, /count/],
    [{ count: 21 }, /count/],
    [{ count: 2.5 }, /count/],
    [{ count: 3, minCount: 4 }, /minCount/],
    [{ minCount: 0 }, /minCount/],
    [{ maxLabelLength: 64 }, /maxLabelLength/],
    [{ tlds: [] }, /at least one/],
    [{ tlds: ["c*m"] }, /not a lowercase LDH/],
    [{ tlds: ["-com"] }, /not a lowercase LDH/],
    [{ mustInclude: ["two words"] }, /mustInclude/],
    [{ mustInclude: ["bake2"], allowDigits: false }, /mustInclude/],
    [{ mustInclude: ["abcdefgh"], maxLabelLength: 5 }, /mustInclude/],
  ])("rejects %j", (constraints, message) => {
    expect(() => resolveConstraints(constraints)).toThrow(InvalidOptionsError);
    expect(() => resolveConstraints(constraints)).toThrow(message);
  });
});

describe("matchesConstraints", () => {
  const c = resolveConstraints({ tlds: ["com", "co.uk"], maxLabelLength: 10, mustInclude: ["bake"] });
  it.each([
    ["bakery.com", true],
    ["mybake.co.uk", true],
    ["bake-hub.com", true],
    ["bakeryhouse1.com", false], // 12 > 10
    ["bakery.io", false], // TLD not allowed
    ["-bake.com", false],
    ["bake-.com", false],
    ["ba--ke.com", false],
    ["bread.com", false], // no must-include word
    ["Bakery.com", false], // not lowercase
    ["bakery", false],
    [".com", false],
  ])("%s → %s", (domain, expected) => {
    expect(matchesConstraints(domain, c)).toBe(expected);
  });

  it("honours allowHyphens and allowDigits", () => {
    const strict = resolveConstraints({ allowHyphens: false, allowDigits: false });
    expect(matchesConstraints("bake-hub.com", strict)).toBe(false);
    expect(matchesConstraints("bake24.com", strict)).toBe(false);
    expect(matchesConstraints("bakehub.com", strict)).toBe(true);
  });
});
