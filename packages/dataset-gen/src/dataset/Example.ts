import type { Category, Language, Tier } from "../describe/brief.js";
import type { Strategy } from "../teacher/strategies.js";

export const SPLITS = ["train", "validation", "test"] as const;
export type Split = (typeof SPLITS)[number];

/** One generated example: the description, the exact assistant text, and what the card counts. */
export interface Example {
  /** Stable id: `<seed>-<draw index>`. */
  id: string;
  text: string;
  assistant: string;
  split: Split;
  /** Examples sharing a group never straddle splits (a business type, a blocked phrase, a near-miss). */
  group: string;
  meta: ExampleMeta;
}

export interface ExampleMeta {
  category: Category;
  industry: string;
  businessType: string;
  tier: Tier;
  /** Present when the text is a request ("name ideas for a …") rather than a description of the tier. */
  form?: "request";
  /** Written with an evasion (`benignEvasionShare`): a benign row disguised the way blocked requests are. */
  disguised?: true;
  language: Language;
  constrained: boolean;
  domains: string[];
  strategies: Strategy[];
  /** Blocked requests: the policy category; near-misses: the category they resemble. */
  safetyCategory?: string;
}
