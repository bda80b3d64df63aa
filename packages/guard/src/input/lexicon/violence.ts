import words from "../../data/lexicon/violence.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";
import { ANTI } from "./context.js";

/** {@link ANTI} without "training": attack training is part of what these rules refuse. */
const ANTI_NOT_TRAINING = ANTI.filter((c) => c !== "training");

/** Violence, murder for hire, terrorism and animal cruelty. */
export const VIOLENCE_RULES: readonly PolicyRule[] = [
  {
    id: "violence-terrorism/murder-for-hire",
    category: "violence-terrorism",
    terms: words.murderForHireTerms,
    unless: words.murderForHireUnless,
    window: 4,
  },
  {
    id: "violence-terrorism/harm-for-pay",
    category: "violence-terrorism",
    terms: words.harmForPayTerms,
    requires: words.harmForPayRequires,
    unless: [...ANTI, ...words.harmForPayUnless],
    window: 5,
  },
  {
    id: "violence-terrorism/attack-planning",
    category: "violence-terrorism",
    terms: words.attackPlanningTerms,
    requires: words.attackPlanningRequires,
    unless: [...ANTI_NOT_TRAINING, ...words.attackPlanningUnless],
    window: 5,
  },
  {
    id: "violence-terrorism/kill",
    category: "violence-terrorism",
    terms: words.killTerms,
    requires: words.killRequires,
    unless: words.killUnless,
    window: 4,
  },
  {
    id: "violence-terrorism/terrorism",
    category: "violence-terrorism",
    terms: words.terrorismTerms,
    unless: [...ANTI_NOT_TRAINING, ...words.terrorismUnless],
    window: 5,
  },
];
