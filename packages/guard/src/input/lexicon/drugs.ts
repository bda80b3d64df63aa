import words from "../../data/lexicon/drugs.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";
import { CARE, SELLING } from "./context.js";

/** Sales and manufacture of illegal drugs; rehab, testing, research and medicine are near-misses. */
export const DRUGS_RULES: readonly PolicyRule[] = [
  {
    id: "illegal-drugs/hard-drugs",
    category: "illegal-drugs",
    terms: words.hardDrugsTerms,
    requires: SELLING,
    unless: [...CARE, ...words.hardDrugsUnless],
    window: 5,
  },
  {
    id: "illegal-drugs/explicit-dealing",
    category: "illegal-drugs",
    terms: words.explicitDealingTerms,
    unless: [...CARE.filter((c) => c !== "prescription" && c !== "prescriptions"), ...words.explicitDealingUnless],
    window: 5,
  },
  {
    id: "illegal-drugs/darknet-unlicensed",
    category: "illegal-drugs",
    terms: words.darknetUnlicensedTerms,
    requires: words.darknetUnlicensedRequires,
    unless: words.darknetUnlicensedUnless,
    window: 4,
  },
  {
    id: "illegal-drugs/diverted-prescription",
    category: "illegal-drugs",
    terms: words.divertedPrescriptionTerms,
    requires: words.divertedPrescriptionRequires,
    unless: [...CARE.filter((c) => !c.startsWith("prescri")), ...words.divertedPrescriptionUnless],
    window: 5,
  },
];
