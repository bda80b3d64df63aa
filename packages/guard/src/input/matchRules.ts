import type { PolicyCategory, PolicyRule } from "./categories.js";
import { compileTerms } from "./compileTerm.js";

/** A rule that matched, without the text it matched (that is never echoed back). */
export interface RuleHit {
  readonly category: PolicyCategory;
  readonly rule: string;
}

interface CompiledRule {
  readonly rule: PolicyRule;
  readonly terms: RegExp;
  readonly requires: RegExp | undefined;
  readonly unless: RegExp | undefined;
  readonly window: number;
  readonly unlessWindow: number;
}

/** Compiles rules once; {@link matchCompiled} runs them against normalized views. */
export function compileRules(rules: readonly PolicyRule[]): readonly CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    // Sticky: terms can only start at a token start, so only token starts are tried.
    terms: new RegExp(compileTerms(rule.terms).source, "y"),
    requires: rule.requires ? compileTerms(rule.requires) : undefined,
    unless: rule.unless ? compileTerms(rule.unless) : undefined,
    window: rule.window ?? 5,
    unlessWindow: rule.unlessWindow ?? rule.window ?? 5,
  }));
}

/**
 * The first rule (in the given order) that matches `view`: a term occurs, at least one `requires`
 * term occurs within `window` tokens of it, and no `unless` term does. Context is read from the
 * neighbouring tokens: a context term must reach outside the matched tokens (so "cutting boards"
 * is a near-miss for "cutting", but "research chemicals" does not excuse itself through "research").
 */
export function matchCompiled(compiled: readonly CompiledRule[], view: string): RuleHit | undefined {
  const tokens = view.split(" ");
  const starts = tokenStarts(tokens);
  for (const { rule, terms, requires, unless, window, unlessWindow } of compiled) {
    for (let at = 0; at < starts.length; at++) {
      terms.lastIndex = starts[at]!;
      const m = terms.exec(view);
      if (m === null || m[0].length === 0) continue;
      const first = at;
      const last = tokenAt(starts, m.index + m[0].length - 1);
      if (requires && !contextHas(requires, tokens, first, last, window)) continue;
      if (unless && contextHas(unless, tokens, first, last, unlessWindow)) continue;
      return { category: rule.category, rule: rule.id };
    }
  }
  return undefined;
}

/** Whether `pattern` matches within `window` tokens of the trigger (tokens `first`..`last`), reaching outside it. */
function contextHas(pattern: RegExp, tokens: readonly string[], first: number, last: number, window: number): boolean {
  const before = tokens.slice(Math.max(0, first - window), first).join(" ");
  const trigger = tokens.slice(first, last + 1).join(" ");
  const after = tokens.slice(last + 1, last + 1 + window).join(" ");
  const context = [before, trigger, after].filter(Boolean).join(" ");
  const start = before ? before.length + 1 : 0;
  return reachesOutside(pattern, context, { start, end: start + trigger.length });
}

/** Whether `pattern` matches somewhere in `context` that is not wholly inside the trigger `span`. */
function reachesOutside(pattern: RegExp, context: string, span: { start: number; end: number }): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(context); m !== null; m = pattern.exec(context)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (m.index < span.start || m.index + m[0].length > span.end) return true;
  }
  return false;
}

function tokenStarts(tokens: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length + 1;
  }
  return starts;
}

function tokenAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
