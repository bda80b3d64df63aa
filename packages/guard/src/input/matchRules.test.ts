import { describe, expect, it } from "vitest";
import { applyEvasions } from "../applyEvasions.js";
import { normalizeViews } from "../normalizeText.js";
import { readSafetyList } from "../testing/safetyLists.js";
import type { PolicyRule } from "./categories.js";
import { compileTerm, compileTerms, termMayStart, termStart } from "./compileTerm.js";
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

describe("termStart", () => {
  it("admits every first and second character a term's match can start with", () => {
    const chars = [..."abcdefghijklmnopqrstuvwxyz0123456789 "];
    let checked = 0;
    let excluded = 0;
    for (const term of INPUT_RULES.flatMap((rule) => [
      ...rule.terms,
      ...(rule.requires ?? []),
      ...(rule.unless ?? []),
    ])) {
      const start = termStart(term);
      const sample = term
        .replace(/\*/g, "")
        .trim()
        .split(/[\s-]+/)
        .join(" ");
      const pattern = new RegExp(compileTerm(term), "y");
      if (!start || !pattern.test(sample)) continue;
      checked++;
      // Swap the first, then the second character: whenever the term still matches, it is admitted.
      for (const variant of [
        ...chars.map((c) => c + sample.slice(1)),
        ...chars.map((c) => sample[0] + c + sample.slice(2)),
      ]) {
        pattern.lastIndex = 0;
        const admitted = termMayStart(start, variant.charAt(0), variant.charAt(1));
        if (pattern.test(variant)) expect(admitted, `${term} at ${JSON.stringify(variant)}`).toBe(true);
        if (!admitted) excluded++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(excluded).toBeGreaterThan(checked * 30);
    expect(termStart("*porn")).toBeUndefined();
    expect(termStart("lsd")).toEqual({ first: ["l", "1"], repeats: true, second: ["s"] });
    expect(termStart("3d printed gun*")).toEqual({ first: ["3", "e"], repeats: false, second: ["d"] });
    expect(termStart("k2 spice")).toEqual({ first: ["k"], repeats: true, second: ["2"] });
    expect(termStart("a * bank")).toEqual({ first: ["a"], repeats: true, second: undefined });
  });
});

describe("matchCompiled (lazy, per first two characters)", () => {
  it("gives the eager matcher's hit on every view of the fixtures, plain and disguised", () => {
    const eager = eagerMatcher(INPUT_RULES);
    const lazy = compileRules(INPUT_RULES, { eagerAfter: Number.POSITIVE_INFINITY });
    const tiered = compileRules(INPUT_RULES, { eagerAfter: 64 });
    let views = 0;
    let hits = 0;
    for (const text of corpus()) {
      for (const view of new Set(Object.values(normalizeViews(text)))) {
        const expected = eager(view);
        expect(matchCompiled(lazy, view), view).toEqual(expected);
        expect(matchCompiled(tiered, view), view).toEqual(expected);
        views++;
        if (expected) hits++;
      }
    }
    expect(views).toBeGreaterThan(2500);
    expect(hits).toBeGreaterThan(500);
    expect(tiered.every((rule) => rule.all !== undefined)).toBe(true);
    expect(lazy.some((rule) => rule.all !== undefined)).toBe(false);
  }, 30_000);

  it("compiles nothing until it matches, and then only for the token starts it met", () => {
    const [rule] = compileRules([
      { id: "test/coke", category: "illegal-drugs", terms: ["coke", "crack", "meth", "*dealer"] },
    ]);
    expect(matchCompiled([rule!], "cola and crack")).toEqual({ category: "illegal-drugs", rule: "test/coke" });
    expect([...rule!.termsAt.keys()].sort()).toEqual(["an", "co", "cr"]);
    expect(rule!.termsAt.get("co")!.source).toBe([compileTerm("coke"), compileTerm("*dealer")].join("|"));
    expect(rule!.termsAt.get("an")!.source).toBe(compileTerm("*dealer"));
  });
});
