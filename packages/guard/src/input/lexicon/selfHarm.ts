import words from "../../data/lexicon/selfHarm.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";

/** Promotion of suicide, self-harm and eating disorders. */
export const SELF_HARM_RULES: readonly PolicyRule[] = [
  {
    id: "self-harm/promotion",
    category: "self-harm",
    terms: words.promotionTerms,
    unless: [...words.recoveryContext, ...words.promotionUnless],
    window: 4,
  },
  {
    id: "self-harm/suicide-self-harm",
    category: "self-harm",
    terms: words.suicideSelfHarmTerms,
    requires: words.suicideSelfHarmRequires,
    unless: [...words.recoveryContext, ...words.suicideSelfHarmUnless],
    window: 4,
  },
];
