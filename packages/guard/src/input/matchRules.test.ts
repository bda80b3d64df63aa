import { describe, expect, it } from "vitest";
import { applyEvasions } from "../applyEvasions.js";
import { normalizeViews } from "../normalizeText.js";
import { readSafetyList } from "../testing/safetyLists.js";
import type { PolicyRule } from "./categories.js";
import { compileTerm, compileTerms, termInitials } from "./compileTerm.js";
import { INPUT_RULES } from "./inputRules.js";
import { compileRules, contextHas, matchCompiled, type RuleHit, tokenAt, tokenStarts } from "./matchRules.js";

/**
 * The eager matcher that `matchCompiled` replaced: each rule's terms in one sticky alternation,
 * compiled up front. The lazy one compiles, per token-initial character, only the terms that can
 * start there; both must give the same hit for every view.
 */
function eagerMatcher(rules: readonly PolicyRule[]): (view: string) => RuleHit | undefined {
  const compiled = rules.map((rule) => ({
    rule,
    terms: new RegExp(compileTerms(rule.terms).source, "y"),
    requires: rule.requires ? compileTerms(rule.requires) : undefined,
    unless: rule.unless ? compileTerms(rule.unless) : undefined,
    window: rule.window ?? 5,
    unlessWindow: rule.unlessWindow ?? rule.window ?? 5,
  }));
  return (view) => {
    const tokens = view.split(" ");
    const starts = tokenStarts(tokens);
    for (const { rule, terms, requires, unless, window, unlessWindow } of compiled) {
      for (let at = 0; at < starts.length; at++) {
        terms.lastIndex = starts[at]!;
        const m = terms.exec(view);
        if (m === null || m[0].length === 0) continue;
        const last = tokenAt(starts, m.index + m[0].length - 1);
        if (requires && !contextHas(requires, tokens, at, last, window)) continue;
        if (unless && contextHas(unless, tokens, at, last, unlessWindow)) continue;
        return { category: rule.category, rule: rule.id };
      }
    }
    return undefined;
  };
}

/** Every fixture text, plain and disguised with two seeds of random evasions. */
function corpus(): string[] {
  const texts = ["safety-labelled.json", "safety-heldout.json", "safety-heldout-2.json"].flatMap((name) => {
    const list = readSafetyList(name);
    return [...list.blocked.map((b) => b.text), ...list.nearMisses.map((n) => n.text)];
  });
  return [
    ...texts,
    ...texts.flatMap((text, i) => [applyEvasions(text, { seed: i + 1 }), applyEvasions(text, { seed: -i })]),
  ];
}

describe("termInitials", () => {
  it("names every character a term's match can start with, and no other", () => {
    const chars = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
    let checked = 0;
    for (const term of INPUT_RULES.flatMap((rule) => [
      ...rule.terms,
      ...(rule.requires ?? []),
      ...(rule.unless ?? []),
    ])) {
      const initials = termInitials(term);
      const sample = term
        .replace(/\*/g, "")
        .trim()
        .split(/[\s-]+/)
        .join(" ");
      const pattern = new RegExp(compileTerm(term), "y");
      if (!initials || !pattern.test(sample)) continue;
      checked++;
      for (const c of chars) {
        pattern.lastIndex = 0;
        expect(pattern.test(c + sample.slice(1)), `${term} at ${c}`).toBe(initials.includes(c));
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(termInitials("*porn")).toBeUndefined();
    expect(termInitials("lsd")).toEqual(["l", "1"]);
    expect(termInitials("3d printed gun*")).toEqual(["3", "e"]);
  });
});

describe("matchCompiled (lazy, per initial character)", () => {
  it("gives the eager matcher's hit on every view of the fixtures, plain and disguised", () => {
    const eager = eagerMatcher(INPUT_RULES);
    const lazy = compileRules(INPUT_RULES);
    let views = 0;
    let hits = 0;
    for (const text of corpus()) {
      for (const view of new Set(Object.values(normalizeViews(text)))) {
        const expected = eager(view);
        expect(matchCompiled(lazy, view), view).toEqual(expected);
        views++;
        if (expected) hits++;
      }
    }
    expect(views).toBeGreaterThan(2500);
    expect(hits).toBeGreaterThan(500);
  });

  it("compiles nothing until it matches, and then only the initials it met", () => {
    const [rule] = compileRules([
      { id: "test/coke", category: "illegal-drugs", terms: ["coke", "crack", "meth", "*dealer"] },
    ]);
    expect(matchCompiled([rule!], "cola and crack")).toEqual({ category: "illegal-drugs", rule: "test/coke" });
    expect([...rule!.termsAt.keys()].sort()).toEqual(["a", "c"]);
    expect(rule!.termsAt.get("c")!.source).toBe(
      [compileTerm("coke"), compileTerm("crack"), compileTerm("*dealer")].join("|"),
    );
  });
});
