import words from "../../data/lexicon/hacking.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";

/** Hacking for hire, malware and stalkerware. */
export const HACKING_RULES: readonly PolicyRule[] = [
  {
    id: "hacking-for-hire/services",
    category: "hacking-for-hire",
    terms: words.servicesTerms,
    unless: [...words.securityWorkContext, ...words.servicesUnless],
    window: 4,
  },
  {
    id: "hacking-for-hire/tools",
    category: "hacking-for-hire",
    terms: words.toolsTerms,
    requires: words.toolsRequires,
    unless: [...words.securityWorkContext, ...words.toolsUnless],
    window: 5,
  },
  {
    id: "hacking-for-hire/hack-target",
    category: "hacking-for-hire",
    terms: words.hackTargetTerms,
    requires: words.hackTargetRequires,
    unless: words.hackTargetUnless,
    window: 4,
    unlessWindow: 8,
  },
];
