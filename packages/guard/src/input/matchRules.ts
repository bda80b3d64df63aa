import type { PolicyCategory, PolicyRule } from "./categories.js";
import { compileTerm, compileTerms, type TermStart, termMayStart, termStart } from "./compileTerm.js";

/** A rule that matched, without the text it matched (that is never echoed back). */
export interface RuleHit {
  readonly category: PolicyCategory;
  readonly rule: string;
}

/**
 * A rule whose regular expressions are built on first use. Its terms are split by the two characters
 * a match can start with: at a token starting with `co`, only the terms that can start with `co` (in
 * their original order, so the same alternative wins) are compiled into a sticky expression. A cold
 * process then compiles a few small expressions instead of every rule's whole alternation. Once a
 * rule has been tried at `eagerAfter` token starts (a warm process), it compiles its whole
 * alternation once and uses that: the same matches, without thousands of small expressions.
 */
interface CompiledRule {
  readonly rule: PolicyRule;
  /** Sticky expression per first two characters at a token; `null` when no term can start so. */
  readonly termsAt: Map<string, RegExp | null>;
  /** Every term in one sticky alternation, once the rule has been tried `eagerAfter` times. */
  all: RegExp | undefined;
  tries: number;
  readonly eagerAfter: number;
  /** Terms by first character; `any` are the indices of terms that can start with anything. */
  readonly starts: {
    readonly byChar: ReadonlyMap<string, ReadonlyArray<{ readonly index: number; readonly start: TermStart }>>;
    readonly any: readonly number[];
  };
  requires: RegExp | undefined | null;
  unless: RegExp | undefined | null;
  readonly window: number;
  readonly unlessWindow: number;
}

export interface CompileRulesOptions {
  /** Token starts a rule is tried at before it compiles its whole alternation. Defaults to 256. */
  readonly eagerAfter?: number;
}

/** Prepares rules for {@link matchCompiled}; regular expressions are compiled lazily, once each. */
export function compileRules(rules: readonly PolicyRule[], options: CompileRulesOptions = {}): readonly CompiledRule[] {
  const { eagerAfter = 256 } = options;
  return rules.map((rule) => ({
    rule,
    termsAt: new Map(),
    all: undefined,
    tries: 0,
    eagerAfter,
    starts: indexStarts(rule.terms),
    // `null`: not compiled yet; `undefined`: the rule has none.
    requires: rule.requires ? null : undefined,
    unless: rule.unless ? null : undefined,
    window: rule.window ?? 5,
    unlessWindow: rule.unlessWindow ?? rule.window ?? 5,
  }));
}

function indexStarts(terms: readonly string[]): CompiledRule["starts"] {
  const byChar = new Map<string, { index: number; start: TermStart }[]>();
  const any: number[] = [];
  terms.forEach((term, index) => {
    const start = termStart(term);
    if (!start) any.push(index);
    else for (const c of new Set(start.first)) byChar.set(c, [...(byChar.get(c) ?? []), { index, start }]);
  });
  return { byChar, any };
}

/** The sticky expression of the terms of `compiled` that can start with `c1` `c2`, in rule order. */
function termsStartingWith(compiled: CompiledRule, c1: string, c2: string): RegExp | null {
  if (compiled.all) return compiled.all;
  if (++compiled.tries > compiled.eagerAfter) {
    compiled.all = new RegExp(compileTerms(compiled.rule.terms).source, "y");
    return compiled.all;
  }
  const key = c1 + c2;
  let pattern = compiled.termsAt.get(key);
  if (pattern !== undefined) return pattern;
  const { byChar, any } = compiled.starts;
  const candidates = (byChar.get(c1) ?? [])
    .filter(({ start }) => termMayStart(start, c1, c2))
    .map(({ index }) => index);
  const indices = [...candidates, ...any].sort((a, b) => a - b);
  const terms = compiled.rule.terms;
  // Sticky: terms can only start at a token start, so only token starts are tried.
  pattern = indices.length ? new RegExp(indices.map((i) => compileTerm(terms[i]!)).join("|"), "y") : null;
  compiled.termsAt.set(key, pattern);
  return pattern;
}

function requiresOf(compiled: CompiledRule): RegExp | undefined {
  if (compiled.requires === null) compiled.requires = compileTerms(compiled.rule.requires!);
  return compiled.requires;
}

function unlessOf(compiled: CompiledRule): RegExp | undefined {
  if (compiled.unless === null) compiled.unless = compileTerms(compiled.rule.unless!);
  return compiled.unless;
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
  for (const rule of compiled) {
    const { window, unlessWindow } = rule;
    for (let at = 0; at < starts.length; at++) {
      const terms = termsStartingWith(rule, view.charAt(starts[at]!), view.charAt(starts[at]! + 1));
      if (terms === null) continue;
      terms.lastIndex = starts[at]!;
      const m = terms.exec(view);
      if (m === null || m[0].length === 0) continue;
      const first = at;
      const last = tokenAt(starts, m.index + m[0].length - 1);
      const requires = requiresOf(rule);
      if (requires && !contextHas(requires, tokens, first, last, window)) continue;
      const unless = unlessOf(rule);
      if (unless && contextHas(unless, tokens, first, last, unlessWindow)) continue;
      return { category: rule.rule.category, rule: rule.rule.id };
    }
  }
  return undefined;
}
/** Whether `pattern` matches within `window` tokens of the trigger (tokens `first`..`last`), reaching outside it. */
export function contextHas(
  pattern: RegExp,
  tokens: readonly string[],
  first: number,
  last: number,
  window: number,
): boolean {
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

export function tokenStarts(tokens: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.length + 1;
  }
  return starts;
}

export function tokenAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
