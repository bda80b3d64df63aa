import { POLICY_CATEGORIES, type PolicyRule } from "./categories.js";
import { SEXUAL_CONTENT_RULES } from "./lexicon/adult.js";
import { DRUGS_RULES } from "./lexicon/drugs.js";
import { FRAUD_RULES } from "./lexicon/fraud.js";
import { HACKING_RULES } from "./lexicon/hacking.js";
import { HATE_RULES } from "./lexicon/hate.js";
import { SEXUAL_MINORS_RULES } from "./lexicon/minors.js";
import { SELF_HARM_RULES } from "./lexicon/selfHarm.js";
import { TRAFFICKING_RULES } from "./lexicon/trafficking.js";
import { VIOLENCE_RULES } from "./lexicon/violence.js";
import { WEAPONS_RULES } from "./lexicon/weapons.js";

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
