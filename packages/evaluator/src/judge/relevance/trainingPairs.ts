import type { Random } from "../../stats/random.js";

/** A known-good (description, domain) pair to learn from, with an optional sector label. */
export interface RelevanceExample {
  description: string;
  domain: string;
  sector?: string | null;
  /** When the company was founded or launched, bucketed (e.g. "2019-2021"). */
  era?: string | null;
}

/** One positive pair and `negatives` shuffled pairs (another example's domain) per example. */
export function* trainingPairs(
  examples: readonly RelevanceExample[],
  negatives: number,
  random: Random,
): Generator<{ description: string; domain: string; label: 0 | 1; example: number }> {
  for (const [index, example] of examples.entries()) {
    yield { description: example.description, domain: example.domain, label: 1, example: index };
    for (let k = 0; k < negatives; k++) {
      let other = Math.floor(random() * examples.length);
      if (other === index) other = (other + 1) % examples.length;
      const domain = (examples[other] as RelevanceExample).domain;
      if (domain !== example.domain) yield { description: example.description, domain, label: 0, example: index };
    }
  }
}
