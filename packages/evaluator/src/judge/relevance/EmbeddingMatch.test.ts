import { describe, expect, it } from "vitest";
import { WordNet } from "../../lexicon/WordNet.js";
import { defaultWordVectors } from "../../lexicon/WordVectors.js";
import { seededRandom } from "../../stats/random.js";
import { DomainAnalyzer } from "./DomainAnalyzer.js";
import { EmbeddingMatch } from "./EmbeddingMatch.js";

const analyzer = new DomainAnalyzer(WordNet.load());
const vectors = defaultWordVectors();
// Names use words that never occur in their descriptions: only meaning links them.
const themes = [
  ["online payments and invoices for small shops", ["ledger", "coin", "vault", "mint"]],
  ["fresh bread and pastries baked every morning", ["oven", "crumb", "loaf", "flour"]],
  ["lessons for tennis and squash players", ["racket", "volley", "court", "serve"]],
] as const;
const examples = Array.from({ length: 120 }, (_, i) => {
  const [description, names] = themes[i % 3] as (typeof themes)[number];
  return { description: `${description} ${i}`, domain: `${names[i % 4]}zq${i}.com` };
});

describe("EmbeddingMatch", () => {
  const model = EmbeddingMatch.train({ analyzer, vectors, examples, random: seededRandom(3) });
  const score = (description: string, domain: string) =>
    model.score(analyzer.description(description), analyzer.domain(domain));

  it("scores a name whose words mean what the description says above one that does not", () => {
    expect(score("a bakery selling bread", "crumbly.com")).toBeGreaterThan(
      score("a bakery selling bread", "racketo.com"),
    );
    expect(score("payments for merchants", "coinly.com")).toBeGreaterThan(score("payments for merchants", "loafy.com"));
  });

  it("is 0 for a name with no dictionary word, and round-trips through JSON with the same scores", () => {
    expect(score("a bakery selling bread", "zqxv.com")).toBe(0);
    const restored = EmbeddingMatch.fromJSON(analyzer, vectors, JSON.parse(JSON.stringify(model.toJSON())));
    const again = restored.score(analyzer.description("a bakery selling bread"), analyzer.domain("crumbly.com"));
    expect(again).toBe(score("a bakery selling bread", "crumbly.com"));
  });
});
