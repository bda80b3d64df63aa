import words from "../../data/lexicon/hate.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";

const COUNTER = words.counter;

/** Hate and harassment: supremacist movements, slurs (also matched by obscenity), doxxing, targeted harassment. */
export const HATE_RULES: readonly PolicyRule[] = [
  {
    id: "hate-harassment/supremacy",
    category: "hate-harassment",
    terms: words.supremacyTerms,
    unless: [...COUNTER, ...words.supremacyUnless],
    window: 5,
  },
  {
    id: "hate-harassment/doxxing",
    category: "hate-harassment",
    terms: words.doxxingTerms,
    unless: [...COUNTER, ...words.doxxingUnless],
    window: 5,
  },
  {
    id: "hate-harassment/harassment",
    category: "hate-harassment",
    terms: words.harassmentTerms,
    requires: words.harassmentRequires,
    unless: [...COUNTER.filter((c) => c !== "against" && c !== "track*"), ...words.harassmentUnless],
    window: 5,
  },
];

/**
 * Slurs taken from obscenity's English data set (its `originalWord` metadata), used by the hate rule.
 * Words that are ordinary elsewhere ("negro" is Spanish and Portuguese for black, "dyke" a Dutch dike) are left out.
 */
export const SLUR_WORDS: readonly string[] = words.slurWords;
