import words from "../../data/lexicon/weapons.json" with { type: "json" };
import type { PolicyRule } from "../categories.js";

/** Illegal weapons, untraceable firearms and explosives. */
export const WEAPONS_RULES: readonly PolicyRule[] = [
  {
    id: "weapons-explosives/illegal-firearms",
    category: "weapons-explosives",
    terms: words.illegalFirearmsTerms,
    unless: [...words.controlContext, ...words.illegalFirearmsUnless],
    window: 4,
  },
  {
    id: "weapons-explosives/untraceable-or-unchecked",
    category: "weapons-explosives",
    terms: words.untraceableOrUncheckedTerms,
    requires: words.untraceableOrUncheckedRequires,
    unless: words.untraceableOrUncheckedUnless,
    window: 6,
  },
  {
    id: "weapons-explosives/illegal-arms-trade",
    category: "weapons-explosives",
    terms: words.illegalArmsTradeTerms,
    requires: words.illegalArmsTradeRequires,
    unless: [...words.controlContext, ...words.illegalArmsTradeUnless],
    window: 3,
  },
  {
    id: "weapons-explosives/grenades",
    category: "weapons-explosives",
    terms: words.grenadesTerms,
    requires: words.grenadesRequires,
    unless: words.grenadesUnless,
    window: 4,
  },
  {
    id: "weapons-explosives/explosives",
    category: "weapons-explosives",
    terms: words.explosivesTerms,
    unless: words.explosivesUnless,
    window: 4,
  },
  {
    id: "weapons-explosives/bomb",
    category: "weapons-explosives",
    terms: words.bombTerms,
    requires: words.bombRequires,
    unless: words.bombUnless,
    window: 4,
  },
];
