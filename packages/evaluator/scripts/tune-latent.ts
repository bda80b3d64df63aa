/**
 * Tuning harness for one latent-class match (sector by default) inside the train split only:
 * 5-fold CV of its score alone (paired AUC, no-mention rows pooled) for SGD settings.
 * Usage: tsx scripts/tune-latent.ts [--epochs 5] [--lr 0.3] [--l2 1e-4] [--class sector|coarse|tld]
 */
import { parseArgs } from "node:util";
import { fnv1a32 } from "../src/data/fnv1a.js";
import { defaultCompaniesPath, loadCompanies } from "../src/data/loadCompanies.js";
import { CrossAssociation } from "../src/judge/relevance/CrossAssociation.js";
import { DomainAnalyzer } from "../src/judge/relevance/DomainAnalyzer.js";
import { NeighbourStyle } from "../src/judge/relevance/NeighbourStyle.js";
import { SectorMatch } from "../src/judge/relevance/SectorMatch.js";
import { WordNet } from "../src/lexicon/WordNet.js";
import { seededRandom } from "../src/stats/random.js";
import { pairedAuc } from "../src/validation/pairedAuc.js";

const { values } = parseArgs({
  options: {
    epochs: { type: "string", default: "5" },
    lr: { type: "string", default: "0.3" },
    l2: { type: "string", default: "1e-4" },
    class: { type: "string", default: "sector" },
    component: { type: "string", default: "latent" },
    k: { type: "string", default: "100" },
  },
});
const rows = loadCompanies(defaultCompaniesPath()).filter((r) => r.split === "train");
const analyzer = new DomainAnalyzer(WordNet.load());
const pooled: { real: number; shuffled: number[]; mentions: boolean }[] = [];
for (let fold = 0; fold < 5; fold++) {
  const inFold = (name: string) => fnv1a32(`${name}#cv`) % 5 === fold;
  const evaluated = rows.filter((r) => inFold(r.name));
  const examples = rows
    .filter((r) => !inFold(r.name))
    .map((r) => ({ description: r.description, domain: r.domain, sector: r.industry }));
  const fit = { epochs: Number(values.epochs), learningRate: Number(values.lr), l2: Number(values.l2) };
  const neighbours = new NeighbourStyle(analyzer, examples, Number(values.k));
  const model =
    values.component === "neighbours" || values.component === "reverse"
      ? {
          score:
            values.component === "reverse"
              ? neighbours.reverseScore.bind(neighbours)
              : neighbours.score.bind(neighbours),
        }
      : values.component === "cross"
        ? CrossAssociation.train({ analyzer, examples, random: seededRandom(1), ...fit })
        : (SectorMatch.train({
            analyzer,
            examples,
            random: seededRandom(1),
            classOf: values.class === "coarse" ? (e) => e.sector?.split(" -> ")[0] : (e) => e.sector,
            fit,
          }) as SectorMatch);
  const random = seededRandom(100 + fold);
  const score = (d: string, m: string) => model.score(analyzer.description(d), analyzer.domain(m));
  for (const [i, row] of evaluated.entries()) {
    const shuffled: number[] = [];
    while (shuffled.length < 5) {
      const j = Math.floor(random() * evaluated.length);
      const other = evaluated[j];
      if (j !== i && other && other.domain !== row.domain) shuffled.push(score(row.description, other.domain));
    }
    pooled.push({ real: score(row.description, row.domain), shuffled, mentions: row.descMentionsName });
  }
}
console.log(
  JSON.stringify(values),
  `overall ${pairedAuc(pooled).toFixed(4)} no-mention ${pairedAuc(pooled.filter((p) => !p.mentions)).toFixed(4)}`,
);
