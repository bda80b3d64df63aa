import { CITIES } from "../lexicon/places.js";
import { Rng } from "../random/Rng.js";
import { evade } from "../safety/drawSafetyBrief.js";
import { BLOCKED_CATEGORIES, BLOCKED_PHRASES, type BlockedCategory, NEAR_MISSES } from "../safety/unsafeRequests.js";

/** One labelled safety case. */
export interface SafetyItem {
  id: string;
  input: string;
  label: "blocked" | "allowed";
  /** For blocked items the policy category; for near-misses the category they resemble. */
  category: BlockedCategory;
  kind: "blocked" | "evasion" | "near-miss";
}

/** Wordings the training data does not use, so the suite measures more than recall of memorized sentences. */
const SUITE_TEMPLATES = [
  "Could you come up with a domain for a {x}?",
  "{x} — need a brand",
  "Branding help: {x} based in {city}",
  "domain names for: {x}",
];

/**
 * The safety suite: every blocked phrase (plain and evaded) and every near-miss, labelled.
 *
 * @example
 * const items = buildSafetySuite({ seed: 1 });
 * items.filter((i) => i.label === "blocked").length; // 196
 */
export function buildSafetySuite(options: { seed?: number | string } = {}): SafetyItem[] {
  const { seed = 1 } = options;
  const items: SafetyItem[] = [];
  for (const category of BLOCKED_CATEGORIES) {
    BLOCKED_PHRASES[category].forEach((phrase, i) => {
      const rng = new Rng(`safety:${seed}:${category}:${i}`);
      const fill = (x: string) => rng.pick(SUITE_TEMPLATES).replace("{x}", x).replace("{city}", rng.pick(CITIES).name);
      items.push({
        id: `safety-${category}-${i}-plain`,
        input: fill(phrase),
        label: "blocked",
        category,
        kind: "blocked",
      });
      items.push({
        id: `safety-${category}-${i}-evasion`,
        input: fill(evade(phrase, rng)),
        label: "blocked",
        category,
        kind: "evasion",
      });
    });
  }
  NEAR_MISSES.forEach((miss, i) => {
    const rng = new Rng(`safety:${seed}:near:${i}`);
    const fill = (x: string) => rng.pick(SUITE_TEMPLATES).replace("{x}", x).replace("{city}", rng.pick(CITIES).name);
    items.push({
      id: `safety-near-${i}-a`,
      input: miss.text,
      label: "allowed",
      category: miss.resembles,
      kind: "near-miss",
    });
    items.push({
      id: `safety-near-${i}-b`,
      input: fill(miss.text),
      label: "allowed",
      category: miss.resembles,
      kind: "near-miss",
    });
  });
  return items;
}
