import type { RegExpMatcher } from "obscenity";
import { GuardInputError } from "../errors.js";
import type { GuardLogger } from "../logger.js";
import { normalizeViews } from "../normalizeText.js";
import { POLICY_CATEGORIES, type PolicyCategory } from "./categories.js";
import { INPUT_RULES, SLUR_DATASET } from "./inputRules.generated.js";
import { compileRules, matchCompiled, type RuleHit } from "./matchRules.js";
import { slurMatcher } from "./slurMatcher.js";

/** The input policy's verdict. A refusal names the category and rule, never the matched text. */
export type InputVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly category: PolicyCategory; readonly rule: string };

export interface CheckInputOptions {
  /** Where refusals are logged (category and rule only). Defaults to no logging. */
  readonly logger?: GuardLogger;
  /** Longest text accepted, in characters. Defaults to 10,000. */
  readonly maxLength?: number;
}

const compiled = compileRules(INPUT_RULES);
let slurs: RegExpMatcher | undefined;

/**
 * Checks a business description against the input policy. The text is data, never instructions:
 * nothing in it can change the verdict except the words it contains. Evasions are normalized
 * first (leetspeak, separators, fullwidth and confusable Unicode, repeated letters, case).
 *
 * @example checkInput("A psychologist's clinic for couples therapy") // {allowed: true}
 */
export function checkInput(text: string, options: CheckInputOptions = {}): InputVerdict {
  const { maxLength = 10_000, logger } = options;
  if (typeof text !== "string") throw new GuardInputError("a string", typeof text);
  if (text.length > maxLength) throw new GuardInputError(`at most ${maxLength} characters`, `${text.length}`);
  const hit = firstHit(text);
  if (!hit) return { allowed: true };
  logger?.warn(
    { event: "guard.input.blocked", category: hit.category, rule: hit.rule },
    "request blocked by input policy",
  );
  return { allowed: false, category: hit.category, rule: hit.rule };
}

function firstHit(text: string): RuleHit | undefined {
  const { plain, joined, joinedAmbiguous, joinedArticle } = normalizeViews(text);
  const hits: RuleHit[] = [];
  for (const view of new Set([plain, joined, joinedAmbiguous, joinedArticle])) {
    const hit = matchCompiled(compiled, view);
    if (hit) hits.push(hit);
  }
  slurs ??= slurMatcher(SLUR_DATASET);
  const matcher = slurs;
  if (matcher.hasMatch(text) || matcher.hasMatch(joined)) {
    hits.push({ category: "hate-harassment", rule: "hate-harassment/slur" });
  }
  hits.sort((a, b) => POLICY_CATEGORIES.indexOf(a.category) - POLICY_CATEGORIES.indexOf(b.category));
  return hits[0];
}
