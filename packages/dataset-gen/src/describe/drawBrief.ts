import type { Lexicon } from "../lexicon/Lexicon.js";
import { CITIES, LOCAL_PLACES } from "../lexicon/places.js";
import { industryById, keywordsOf } from "../lexicon/taxonomy.js";
import { TRANSLATIONS } from "../lexicon/translations.js";
import { AUDIENCES, NONCE_HEADS, QUALITIES, SELLING_POINTS, TONE_PHRASES, TONES } from "../lexicon/words.js";
import type { Rng } from "../random/Rng.js";
import type { Brief, Language, Tier } from "./brief.js";
import { drawConstraints } from "./constraints.js";
import { nonceWord } from "./nonceWord.js";
import { FOREIGN_AUDIENCES, FOREIGN_QUALITIES, FOREIGN_SELLING_POINTS } from "./templates.js";

/** Shares of the mix (documented in the README; the card reports what was drawn). */
export const MIX = {
  /** Invented-word businesses, so a small model learns to copy words instead of memorizing nouns. */
  nonce: 0.3,
  /** Non-English descriptions (split evenly over es, fr, de). */
  foreign: 0.12,
  /** Descriptions that state a constraint. */
  constrained: 0.15,
  tiers: { word: 0.12, phrase: 0.28, sentence: 0.3, brief: 0.18, marketing: 0.12 } as Record<Tier, number>,
} as const;

const FOREIGN_TYPES = [...TRANSLATIONS.keys()];

/** Draws the structured request for one normal (business or nonce) example. */
export function drawBusinessBrief(rng: Rng, lexicon: Lexicon): Brief {
  const foreign = rng.chance(MIX.foreign);
  const language: Language = foreign ? rng.pick(["es", "fr", "de"] as const) : "en";
  const tier = rng.weighted(MIX.tiers);
  const nonce = language === "en" && rng.chance(MIX.nonce / (1 - MIX.foreign));
  let businessType: string;
  let businessName: string;
  let keywords: string[];
  let industry: string;
  if (nonce) {
    const word = nonceWord(rng);
    const head = tier === "word" && rng.chance(0.5) ? "" : rng.pick(NONCE_HEADS);
    businessType = `nonce:${head || "bare"}`;
    businessName = head ? `${word} ${head}` : word;
    keywords = [word, ...keywordsOf(head)];
    industry = "nonce";
  } else if (language !== "en") {
    const names = new Set(lexicon.types.map((t) => t.name));
    const wanted = rng.pick(FOREIGN_TYPES.filter((name) => names.has(name)));
    const type = lexicon.types.find((t) => t.name === wanted)!;
    businessType = type.name;
    businessName = TRANSLATIONS.get(type.name)![language];
    keywords = keywordsOf(businessName);
    industry = type.industry;
  } else {
    const type = rng.pick(lexicon.types);
    businessType = type.name;
    businessName = type.name;
    keywords = type.keywords;
    industry = type.industry;
  }
  const local = nonce ? rng.chance(0.5) : industryById(industry).local;
  const cityPool = language === "en" ? CITIES : CITIES.filter((c) => c.language === language);
  const city = (local ? rng.chance(0.7) : rng.chance(0.35)) ? rng.pick(cityPool) : undefined;
  const toneKind = rng.pick(TONES);
  const foreignLanguage = language === "en" ? undefined : language;
  const brief: Brief = {
    category: nonce ? "nonce" : "business",
    language,
    tier,
    industry,
    businessType,
    businessName,
    keywords,
    quality: rng.chance(0.6)
      ? foreignLanguage
        ? rng.pick(FOREIGN_QUALITIES[foreignLanguage])
        : rng.pick(QUALITIES)
      : undefined,
    toneKind,
    tone: rng.pick(TONE_PHRASES[toneKind]),
    audience: foreignLanguage ? rng.pick(FOREIGN_AUDIENCES[foreignLanguage]) : rng.pick(AUDIENCES),
    city,
    localPlace: !city && rng.chance(0.2) ? rng.pick(LOCAL_PLACES) : undefined,
    sellingPoints: rng.shuffle(foreignLanguage ? FOREIGN_SELLING_POINTS[foreignLanguage] : SELLING_POINTS).slice(0, 3),
    constraints: tier !== "word" && rng.chance(MIX.constrained) ? drawConstraints(rng, city?.cc) : {},
    noise: {
      typos: rng.chance(0.08) ? rng.int(1, 2) : 0,
      emoji: rng.chance(0.06),
      caps: rng.chance(0.04),
      lower: rng.chance(0.25),
    },
  };
  return brief;
}
