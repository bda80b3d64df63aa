import { EMOJI, HYPE, TONE_PHRASES, TONES } from "../lexicon/words.js";
import type { Rng } from "../random/Rng.js";
import type { Brief } from "./brief.js";
import { constraintText } from "./constraints.js";
import { applyNoise } from "./noise.js";
import { TEMPLATES } from "./templates.js";

/**
 * Writes the description text of a brief: a template of its tier and language, constraints, then noise.
 * Returns the brief as stated: details the template did not mention (city, quality…) are removed, so the teacher
 * only uses what the text says.
 */
export function renderDescription(brief: Brief, rng: Rng): { text: string; stated: Brief } {
  const place = brief.city?.name ?? brief.localPlace;
  const slots: Record<string, string | undefined> = {
    biz: brief.businessName,
    q: brief.quality,
    city: place,
    aud: brief.audience,
    sp: brief.sellingPoints[0],
    sp2: brief.sellingPoints[1],
    sp3: brief.sellingPoints[2],
    tone: brief.tone,
    tone2: rng.pick(TONE_PHRASES[rng.pick(TONES)]),
    hype: rng.pick(HYPE),
    hype2: rng.pick(HYPE),
  };
  const candidates = TEMPLATES[brief.language][brief.tier].filter((t) =>
    [...t.matchAll(/\{(\w+)\}/g)].every((m) => slots[m[1]!] !== undefined),
  );
  const template = candidates.length > 0 ? rng.pick(candidates) : "{biz}";
  const used = new Set<string>();
  let text = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    used.add(slot);
    return slots[slot]!;
  });
  if (brief.tier === "phrase" || brief.tier === "sentence") text = capitalizeFirst(text, rng.chance(0.6));
  const constraintSentences = constraintText(brief.constraints, brief.language, rng);
  if (constraintSentences.length > 0)
    text = `${text}${/[.!?]$/.test(text) ? "" : "."} ${constraintSentences.join(" ")}`;
  const stated: Brief = {
    ...brief,
    quality: used.has("q") ? brief.quality : undefined,
    tone: used.has("tone") ? brief.tone : undefined,
    toneKind: used.has("tone") ? brief.toneKind : undefined,
    audience: used.has("aud") ? brief.audience : undefined,
    city: used.has("city") ? brief.city : undefined,
    localPlace: used.has("city") ? brief.localPlace : undefined,
  };
  return { text: applyNoise(text, brief, rng, EMOJI), stated };
}

function capitalizeFirst(text: string, capitalize: boolean): string {
  return capitalize ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
