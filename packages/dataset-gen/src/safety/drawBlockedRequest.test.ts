import { describe, expect, it } from "vitest";
import { Rng } from "../random/Rng.js";
import { buildSafetySuite } from "../suites/safetySuite.js";
import { drawBlockedRequest } from "./drawSafetyBrief.js";
import { TRAINING_BLOCKED_PHRASES } from "./trainingBlockedPhrases.js";
import { BLOCKED_CATEGORIES, BLOCKED_PHRASES } from "./unsafeRequests.js";

const draws = (options?: Parameters<typeof drawBlockedRequest>[1], n = 3000) =>
  Array.from({ length: n }, (_, i) => drawBlockedRequest(new Rng(`blocked-test:${i}`), options));
const training = new Set(Object.values(TRAINING_BLOCKED_PHRASES).flat());
const suitePhrases = new Set(Object.values(BLOCKED_PHRASES).flat());

describe("drawBlockedRequest options", () => {
  it("draws exactly as before when the options are left at their defaults", () => {
    const plain = draws(undefined, 500);
    expect(draws({}, 500)).toEqual(plain);
    expect(draws({ evasionShare: 0.17, extraPhrases: false }, 500)).toEqual(plain);
  });

  it("evasionShare sets how often the phrase is disguised", () => {
    const shown = (options: Parameters<typeof drawBlockedRequest>[1]) =>
      draws(options).filter((d) => new RegExp(`\\b${d.phrase}\\b`).test(d.text.toLowerCase())).length / 3000;
    expect(shown({ evasionShare: 0 })).toBe(1);
    expect(shown({ evasionShare: 1 })).toBe(0);
    expect(shown({ evasionShare: 0.5 })).toBeGreaterThan(0.45);
    expect(shown({ evasionShare: 0.5 })).toBeLessThan(0.55);
  });

  it("extraPhrases adds the training-only phrases in every category; the default never draws them", () => {
    expect(draws().filter((d) => training.has(d.phrase))).toEqual([]);
    const extra = draws({ extraPhrases: true });
    for (const category of BLOCKED_CATEGORIES)
      expect(extra.some((d) => d.category === category && training.has(d.phrase))).toBe(true);
    for (const d of extra)
      expect([...BLOCKED_PHRASES[d.category], ...TRAINING_BLOCKED_PHRASES[d.category]]).toContain(d.phrase);
  });
});

describe("TRAINING_BLOCKED_PHRASES", () => {
  it("never reaches the safety suite: no phrase shared with BLOCKED_PHRASES or any suite input", () => {
    expect([...training].filter((p) => suitePhrases.has(p))).toEqual([]);
    const inputs = buildSafetySuite({ seed: 1 }).map((item) => item.input.toLowerCase());
    expect(inputs.filter((input) => [...training].some((p) => input.includes(p)))).toEqual([]);
  });

  it("has lowercase phrases of at least two words in each category", () => {
    for (const category of BLOCKED_CATEGORIES) {
      expect(TRAINING_BLOCKED_PHRASES[category].length).toBeGreaterThanOrEqual(5);
      for (const p of TRAINING_BLOCKED_PHRASES[category]) expect(p).toMatch(/^[a-z0-9-]+( [a-z0-9-]+)+$/);
    }
  });
});
