import type { City } from "../lexicon/places.js";
import type { Tone } from "../lexicon/words.js";
import type { Constraints } from "./constraints.js";

export type Language = "en" | "es" | "fr" | "de";

/** Complexity tiers: one word → a long run-on marketing paragraph. */
export const TIERS = ["word", "phrase", "sentence", "brief", "marketing"] as const;
export type Tier = (typeof TIERS)[number];

/** What an example is: a real business type, an invented-word business, a blocked request, a benign near-miss. */
export type Category = "business" | "nonce" | "blocked" | "near-miss";

/** Noise applied to the description text after it is written. */
export interface Noise {
  typos: number;
  emoji: boolean;
  caps: boolean;
  lower: boolean;
}

/** The structured request behind one description; the teacher reads this, never the (noisy) text. */
export interface Brief {
  category: Category;
  language: Language;
  tier: Tier;
  industry: string;
  /** The business type's English name, or "nonce:<head>" for invented-word businesses. */
  businessType: string;
  /** The business as the text says it ("kypimyrt repair shop", "panadería artesanal"). */
  businessName: string;
  /** ASCII words the domains should contain, most important first. */
  keywords: string[];
  quality?: string;
  tone?: string;
  toneKind?: Tone;
  audience?: string;
  city?: City;
  localPlace?: string;
  sellingPoints: string[];
  constraints: Constraints;
  noise: Noise;
  /** For blocked requests: the policy category (guard's wording). */
  blockedCategory?: string;
}
