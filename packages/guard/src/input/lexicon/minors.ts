import words from "../../data/lexicon/minors.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";

/** Zero tolerance: anything sexual involving minors. Protective/educational context is the only way out, and not for explicit terms. */
export const SEXUAL_MINORS_RULES: readonly PolicyRule[] = [
  {
    id: "sexual-minors/explicit",
    category: "sexual-minors",
    terms: words.explicitTerms,
    unless: words.explicitUnless,
    window: 3,
  },
  {
    id: "sexual-minors/minor-in-sexual-context",
    category: "sexual-minors",
    terms: words.minor,
    requires: words.sexual,
    unless: words.protective,
    window: 6,
  },
];
