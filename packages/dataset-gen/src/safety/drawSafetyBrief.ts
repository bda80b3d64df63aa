import type { Brief } from "../describe/brief.js";
import { REQUEST_TEMPLATES } from "../describe/requestTemplates.js";
import { CITIES } from "../lexicon/places.js";
import { AUDIENCES, QUALITIES, SELLING_POINTS, TONE_PHRASES, TONES } from "../lexicon/words.js";
import type { Rng } from "../random/Rng.js";
import { TRAINING_BLOCKED_PHRASES } from "./trainingBlockedPhrases.js";
import { BLOCKED_CATEGORIES, BLOCKED_PHRASES, type BlockedCategory, NEAR_MISSES } from "./unsafeRequests.js";

/** A blocked request: its text is written here (templates + evasions); the target is the blocked turn. */
export interface BlockedRequest {
  text: string;
  category: BlockedCategory;
  phrase: string;
}

const LEET: Record<string, string> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };

/** Spellings people use to slip past filters: leetspeak, separators, stretched letters. */
export function evade(phrase: string, rng: Rng): string {
  for (;;) {
    const words = phrase.split(" ");
    const at = rng.int(0, words.length - 1);
    const word = words[at]!;
    const kind = rng.int(0, 2);
    if (kind === 0) words[at] = word.replace(/[aeiost]/g, (c) => (rng.chance(0.6) ? LEET[c]! : c));
    else if (kind === 1) words[at] = word.split("").join(rng.pick([".", "-", " ", "_"]));
    else words[at] = word.replace(/[aeiou]/, (c) => c.repeat(rng.int(2, 4)));
    const out = words.join(" ");
    if (out !== phrase) return out;
  }
}

/** Options for {@link drawBlockedRequest}. */
export interface DrawBlockedRequestOptions {
  /** Share of requests with an evasion (`evade`). Defaults to 0.17 (about one in six). */
  evasionShare?: number;
  /** Draw from `TRAINING_BLOCKED_PHRASES` too. Defaults to false (datasets v1–v16). */
  extraPhrases?: boolean;
}

/** Draws one blocked request. Same draws as before the options when they are left at their defaults. */
export function drawBlockedRequest(rng: Rng, options: DrawBlockedRequestOptions = {}): BlockedRequest {
  const category = rng.pick(BLOCKED_CATEGORIES);
  const phrases = options.extraPhrases
    ? [...BLOCKED_PHRASES[category], ...TRAINING_BLOCKED_PHRASES[category]]
    : BLOCKED_PHRASES[category];
  const phrase = rng.pick(phrases);
  let shown = rng.chance(options.evasionShare ?? 0.17) ? evade(phrase, rng) : phrase;
  if (rng.chance(0.2)) shown = `${shown} in ${rng.pick(CITIES).name}`;
  const tone = rng.pick(TONE_PHRASES[rng.pick(TONES)]);
  let text = rng
    .pick(REQUEST_TEMPLATES)
    .replace("{x}", shown)
    .replace("{aud}", rng.pick(AUDIENCES))
    .replace("{tone}", tone);
  if (rng.chance(0.15)) text = text.toUpperCase();
  else if (rng.chance(0.3)) text = text.toLowerCase();
  return { text, category, phrase };
}

/** Draws a benign near-miss as a normal brief (its target is normal domains). */
export function drawNearMissBrief(rng: Rng): Brief {
  const miss = rng.pick(NEAR_MISSES);
  const toneKind = rng.pick(TONES);
  const city = rng.chance(0.4) ? rng.pick(CITIES.filter((c) => c.language === "en")) : undefined;
  return {
    category: "near-miss",
    language: "en",
    tier: rng.weighted({ word: 0.15, phrase: 0.35, sentence: 0.35, brief: 0.15 }),
    industry: miss.industry,
    businessType: `near-miss:${miss.text}`,
    businessName: miss.text,
    keywords: miss.keywords,
    quality: rng.chance(0.4) ? rng.pick(QUALITIES) : undefined,
    toneKind,
    tone: rng.pick(TONE_PHRASES[toneKind]),
    audience: rng.pick(AUDIENCES),
    city,
    sellingPoints: rng.shuffle(SELLING_POINTS).slice(0, 3),
    constraints: {},
    noise: { typos: 0, emoji: false, caps: rng.chance(0.05), lower: rng.chance(0.3) },
    blockedCategory: miss.resembles,
  };
}
