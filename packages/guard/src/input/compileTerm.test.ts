import { describe, expect, it } from "vitest";
import { POLICY_CATEGORIES } from "./categories.js";
import { compileTerm } from "./compileTerm.js";
import { INPUT_RULES } from "./inputRules.js";
import { compileRules, matchCompiled } from "./matchRules.js";

const matches = (term: string, view: string) => new RegExp(compileTerm(term)).test(view);

describe("compileTerm", () => {
  it.each([
    ["porn*", "pornstar agency", true],
    ["porn*", "a popcorn stand", false],
    ["nude", "nuuuude pics", true],
    ["nude", "nudes", true],
    ["sex shop", "sexshop", true],
    ["sex shop", "sex shop", true],
    ["*porn", "kiddieporn", true],
    ["kill", "skill", false],
    ["kid", "k1d", true],
    ["3d printed gun*", "ed printed guns", true],
    ["pretend* to be * bank", "pretending to be your bank", true],
  ])("%s in %j → %s", (term, view, expected) => {
    expect(matches(term, view)).toBe(expected);
  });
});

describe("matchCompiled", () => {
  const rules = compileRules([
    { id: "test/cutting", category: "self-harm", terms: ["cutting"], requires: ["tips"], unless: ["cutting board*"] },
  ]);

  it("needs a context term outside the trigger, and lets exceptions that include the trigger through", () => {
    expect(matchCompiled(rules, "cutting tips for teens")).toEqual({ category: "self-harm", rule: "test/cutting" });
    expect(matchCompiled(rules, "cutting boards and tips")).toBeUndefined();
    expect(matchCompiled(rules, "cutting edge design")).toBeUndefined();
  });
});

describe("INPUT_RULES", () => {
  it("has unique ids named after their category, and rules for every category", () => {
    const ids = INPUT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of INPUT_RULES) expect(rule.id.startsWith(`${rule.category}/`)).toBe(true);
    for (const category of POLICY_CATEGORIES) expect(INPUT_RULES.some((rule) => rule.category === category)).toBe(true);
  });
});
