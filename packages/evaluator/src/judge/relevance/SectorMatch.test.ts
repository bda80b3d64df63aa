import { describe, expect, it } from "vitest";
import { WordNet } from "../../lexicon/WordNet.js";
import { seededRandom } from "../../stats/random.js";
import { DomainAnalyzer } from "./DomainAnalyzer.js";
import { SectorMatch } from "./SectorMatch.js";

const analyzer = new DomainAnalyzer(WordNet.load());
// Training domains are invented words: what ties "tennis" to Sports is only in the descriptions.
const sectors = [
  ["Sports", "tennis racket court lessons"],
  ["Food", "bakery bread pastry oven"],
  ["Fintech", "payments invoices banking ledger"],
] as const;
const examples = Array.from({ length: 90 }, (_, i) => {
  const [sector, words] = sectors[i % 3] as (typeof sectors)[number];
  return { description: `${words} for customer ${i}`, domain: `zq${i}vex.com`, sector };
});

describe("SectorMatch", () => {
  const model = SectorMatch.train({ analyzer, examples, random: seededRandom(5) }) as SectorMatch;
  const words = (description: string, domain: string) =>
    model.wordsScore(analyzer.description(description), analyzer.domain(domain));

  it("reads a name's words with the description classifier (words no training domain contained)", () => {
    expect(words("tennis lessons near you", "tennisbase.com")).toBeGreaterThan(
      words("fresh bread daily", "tennisbase.com"),
    );
    expect(words("fresh bread daily", "breadhouse.com")).toBeGreaterThan(
      words("tennis lessons near you", "breadhouse.com"),
    );
  });

  it("is 0 for a name without known words, and the class agreement is finite", () => {
    expect(words("tennis lessons near you", "zqxv.com")).toBe(0);
    expect(Number.isFinite(model.score(analyzer.description("tennis lessons"), analyzer.domain("zq1vex.com")))).toBe(
      true,
    );
  });
});
