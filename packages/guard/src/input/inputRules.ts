import { POLICY_CATEGORIES, type PolicyRule } from "./categories.js";
import { DRUGS_RULES, FRAUD_RULES, HACKING_RULES } from "./lexiconCrime.js";
import { SELF_HARM_RULES, TRAFFICKING_RULES, VIOLENCE_RULES, WEAPONS_RULES } from "./lexiconHarm.js";
import { HATE_RULES } from "./lexiconHate.js";
import { SEXUAL_CONTENT_RULES, SEXUAL_MINORS_RULES } from "./lexiconSexual.js";

/** Every input rule, sorted by category priority ({@link POLICY_CATEGORIES}). */
export const INPUT_RULES: readonly PolicyRule[] = [
  ...SEXUAL_MINORS_RULES,
  ...TRAFFICKING_RULES,
  ...VIOLENCE_RULES,
  ...WEAPONS_RULES,
  ...SELF_HARM_RULES,
  ...HACKING_RULES,
  ...DRUGS_RULES,
  ...FRAUD_RULES,
  ...HATE_RULES,
  ...SEXUAL_CONTENT_RULES,
].sort((a, b) => POLICY_CATEGORIES.indexOf(a.category) - POLICY_CATEGORIES.indexOf(b.category));
