/** The input-policy categories, in priority order: when several match, the first one is reported. */
export const POLICY_CATEGORIES = [
  "sexual-minors",
  "trafficking",
  "violence-terrorism",
  "weapons-explosives",
  "self-harm",
  "hacking-for-hire",
  "illegal-drugs",
  "fraud-scams",
  "hate-harassment",
  "sexual-content",
] as const;

/** A category of requests Nomen refuses to name. */
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

/**
 * One lexicon rule. Term syntax: lower-case words separated by spaces (any separator or none may
 * stand between them); a trailing `*` matches any continuation (`porn*` → `pornstar`), a leading
 * `*` any prefix; otherwise a plural `s`/`es` is allowed. Each letter may be repeated (`nuuude`).
 */
export interface PolicyRule {
  /** Stable id, `<category>/<name>`; logged, never shown with the matched text. */
  readonly id: string;
  readonly category: PolicyCategory;
  readonly terms: readonly string[];
  /** At least one of these must occur within `window` tokens of the match. */
  readonly requires?: readonly string[];
  /** None of these may occur within `window` tokens of the match (near-miss context). */
  readonly unless?: readonly string[];
  /** Tokens either side of the match searched for `requires` (and `unless`, unless `unlessWindow` is set). Defaults to 5. */
  readonly window?: number;
  /** Tokens either side searched for `unless`: exceptions often sit farther away ("protect your phone from spyware and hacking"). Defaults to `window`. */
  readonly unlessWindow?: number;
}
