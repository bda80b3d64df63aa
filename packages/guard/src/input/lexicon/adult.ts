import words from "../../data/lexicon/adult.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";

const ADULT_CONTEXT = words.adultContext;

/** Adult sexual content and services. */
export const SEXUAL_CONTENT_RULES: readonly PolicyRule[] = [
  {
    id: "sexual-content/pornography",
    category: "sexual-content",
    terms: words.pornographyTerms,
    unless: words.pornographyUnless,
    window: 4,
    unlessWindow: 8,
  },
  {
    id: "sexual-content/explicit-terms",
    category: "sexual-content",
    terms: words.explicitTermsTerms,
    unless: words.explicitTermsUnless,
    window: 3,
  },
  {
    id: "sexual-content/explicit-media",
    category: "sexual-content",
    terms: words.explicitMediaTerms,
    requires: words.explicitMediaRequires,
    unless: words.explicitMediaUnless,
    window: 4,
  },
  {
    id: "sexual-content/adult-services",
    category: "sexual-content",
    terms: words.adultServicesTerms,
    requires: ADULT_CONTEXT,
    unless: words.adultServicesUnless,
    window: 1,
  },
  {
    id: "sexual-content/escort",
    category: "sexual-content",
    terms: words.escortTerms,
    requires: words.escortRequires,
    unless: words.escortUnless,
    window: 6,
  },
  {
    id: "sexual-content/sex",
    category: "sexual-content",
    terms: words.sexTerms,
    unless: words.sexUnless,
    window: 5,
  },
  {
    id: "sexual-content/nude-naked",
    category: "sexual-content",
    terms: words.nudeNakedTerms,
    requires: words.nudeNakedRequires,
    unless: words.nudeNakedUnless,
    window: 3,
  },
  {
    id: "sexual-content/anatomy-in-sexual-context",
    category: "sexual-content",
    terms: words.anatomyInSexualContextTerms,
    unless: words.anatomyInSexualContextUnless,
    window: 4,
  },
];
