import words from "../../data/lexicon/trafficking.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";
import { ANTI } from "./context.js";

/** Trafficking of people, organs and protected wildlife. */
export const TRAFFICKING_RULES: readonly PolicyRule[] = [
  {
    id: "trafficking/people",
    category: "trafficking",
    terms: words.peopleTerms,
    // Arms, drug and wildlife trafficking belong to their own categories, which catch them.
    unless: [...words.peopleUnless, ...ANTI, ...words.peopleUnlessTail],
    window: 5,
    unlessWindow: 8,
  },
  {
    id: "trafficking/smuggling",
    category: "trafficking",
    terms: words.smugglingTerms,
    requires: words.smugglingRequires,
    unless: [...ANTI, ...words.smugglingUnless],
    window: 5,
  },
  {
    id: "trafficking/organ-sales",
    category: "trafficking",
    terms: words.organSalesTerms,
    requires: words.organSalesRequires,
    unless: [...ANTI.filter((c) => c !== "support*"), ...words.organSalesUnless],
    window: 5,
  },
  {
    id: "trafficking/organs",
    category: "trafficking",
    terms: words.organsTerms,
    unless: ANTI,
    window: 3,
  },
  {
    id: "trafficking/wildlife",
    category: "trafficking",
    terms: words.wildlifeTerms,
    requires: words.wildlifeRequires,
    unless: [...ANTI, ...words.wildlifeUnless],
    window: 5,
  },
];
