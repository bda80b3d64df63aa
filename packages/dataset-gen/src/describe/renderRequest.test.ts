import { describe, expect, it } from "vitest";
import { loadLexicon } from "../lexicon/Lexicon.js";
import { Rng } from "../random/Rng.js";
import { drawBlockedRequest, drawNearMissBrief } from "../safety/drawSafetyBrief.js";
import { drawBusinessBrief } from "./drawBrief.js";
import { renderRequest } from "./renderRequest.js";
import { REQUEST_TEMPLATES } from "./requestTemplates.js";

const lexicon = loadLexicon();
/** The template a request was written from: its text with the business (and any slot) as wildcards. */
const templateOf = (text: string, business: string): string | undefined =>
  REQUEST_TEMPLATES.find((t) => {
    const pattern = t
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace("{x}", `${business.replace(/[.*+?^$()|[\]\\]/g, "\\$&")}( in [^,.?]+)?`)
      .replace(/\{(aud|tone)\}/g, ".+");
    return new RegExp(`^${pattern}$`, "i").test(text);
  });

describe("renderRequest", () => {
  const briefs = Array.from({ length: 400 }, (_, i) => {
    const rng = new Rng(`request:${i}`);
    const brief = i % 2 ? drawNearMissBrief(rng) : drawBusinessBrief(rng, lexicon);
    return { brief: { ...brief, language: "en" as const }, rng };
  });
  const rendered = briefs.map(({ brief, rng }) => ({ brief, ...renderRequest(brief, rng) }));

  it("writes every brief in one of the blocked requests' templates, with the business named", () => {
    for (const { brief, text } of rendered) expect(templateOf(text, brief.businessName), text).toBeDefined();
  });

  it("states only what the text says: no quality, selling points or constraints; city, tone, audience when named", () => {
    for (const { text, stated } of rendered) {
      expect(stated.quality).toBeUndefined();
      expect(stated.sellingPoints).toEqual([]);
      expect(stated.constraints).toEqual({});
      if (stated.city) expect(text.toLowerCase()).toContain(` in ${stated.city.name.toLowerCase()}`);
      if (stated.tone) expect(text.toLowerCase()).toContain(stated.tone.toLowerCase());
      if (stated.audience) expect(text.toLowerCase()).toContain(stated.audience.toLowerCase());
    }
    expect(rendered.some((r) => r.stated.city)).toBe(true);
    expect(rendered.some((r) => r.stated.tone)).toBe(true);
  });

  it("cases text like blocked requests do, so letter case says nothing either", () => {
    const caps = (texts: string[]) =>
      texts.filter((t) => t === t.toUpperCase() && /[A-Z]/.test(t)).length / texts.length;
    const blocked = Array.from({ length: 2000 }, (_, i) => drawBlockedRequest(new Rng(`b:${i}`)).text);
    const benign = Array.from({ length: 2000 }, (_, i) => {
      const rng = new Rng(`n:${i}`);
      return renderRequest(drawNearMissBrief(rng), rng).text;
    });
    expect(Math.abs(caps(benign) - caps(blocked))).toBeLessThan(0.04);
    expect(caps(benign)).toBeGreaterThan(0.1);
  });

  it("is deterministic for a seed", () => {
    const again = renderRequest(briefs[3]!.brief, new Rng("same"));
    expect(renderRequest(briefs[3]!.brief, new Rng("same"))).toEqual(again);
  });
});
