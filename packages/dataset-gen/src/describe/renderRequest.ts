import type { Rng } from "../random/Rng.js";
import type { Brief } from "./brief.js";
import { REQUEST_TEMPLATES } from "./requestTemplates.js";

/**
 * Writes an English brief the way blocked requests are written (`drawBlockedRequest`): a request template, "in
 * <city>" one time in five, ALL CAPS 15% / lowercase 30% of the rest. Returns the brief as stated: only the
 * business, and the audience, tone and city when the text names them (no quality, selling points or constraints).
 */
export function renderRequest(brief: Brief, rng: Rng): { text: string; stated: Brief } {
  const inCity = brief.city !== undefined && rng.chance(0.2);
  const slots: Record<string, string | undefined> = { aud: brief.audience, tone: brief.tone };
  const candidates = REQUEST_TEMPLATES.filter((t) =>
    [...t.matchAll(/\{(aud|tone)\}/g)].every((m) => slots[m[1]!] !== undefined),
  );
  const template = rng.pick(candidates);
  const shown = inCity ? `${brief.businessName} in ${brief.city!.name}` : brief.businessName;
  let text = template.replace("{x}", shown).replace(/\{(aud|tone)\}/g, (_, slot: string) => slots[slot]!);
  if (rng.chance(0.15)) text = text.toUpperCase();
  else if (rng.chance(0.3)) text = text.toLowerCase();
  const stated: Brief = {
    ...brief,
    tier: "phrase",
    quality: undefined,
    tone: template.includes("{tone}") ? brief.tone : undefined,
    toneKind: template.includes("{tone}") ? brief.toneKind : undefined,
    audience: template.includes("{aud}") ? brief.audience : undefined,
    city: inCity ? brief.city : undefined,
    localPlace: undefined,
    sellingPoints: [],
    constraints: {},
  };
  return { text, stated };
}
