/**
 * K-fold cross-validation of the trained relevance model inside the train split only (the test
 * split is never read): each fold trains on the other folds and scores its own rows against 5
 * shuffled domains of the same fold; prints pooled paired AUCs, also of each feature alone.
 * Usage: tsx scripts/cv-judge.ts [--folds 5] [--data path]
 */
import { parseArgs } from "node:util";
import { fnv1a32 } from "../src/data/fnv1a.js";
import { defaultCompaniesPath, loadCompanies } from "../src/data/loadCompanies.js";
import { RELEVANCE_FEATURE_NAMES, RelevanceModel } from "../src/judge/relevance/RelevanceModel.js";
import { WordNet } from "../src/lexicon/WordNet.js";
import { seededRandom } from "../src/stats/random.js";
import { pairedAuc } from "../src/validation/pairedAuc.js";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    data: { type: "string" },
    features: { type: "boolean" },
    "stack-folds": { type: "string", default: "2" },
    negatives: { type: "string", default: "4" },
  },
});
const folds = Number(values.folds);
const rows = loadCompanies(values.data ?? defaultCompaniesPath()).filter((r) => r.split === "train");
const wordnet = WordNet.load();
const started = performance.now();
const pooled: { real: number[]; shuffled: number[][]; mentions: boolean }[] = [];
for (let fold = 0; fold < folds; fold++) {
  const inFold = (name: string) => fnv1a32(`${name}#cv`) % folds === fold;
  const train = rows.filter((r) => !inFold(r.name));
  const evaluated = rows.filter((r) => inFold(r.name));
  const model = RelevanceModel.train({
    wordnet,
    folds: Number(values["stack-folds"]),
    negatives: Number(values.negatives),
    examples: train.map((r) => ({ description: r.description, domain: r.domain, sector: r.industry, era: r.era })),
  });
  const random = seededRandom(100 + fold);
  for (const [i, row] of evaluated.entries()) {
    const vector = (domain: string) => [
      ...model.features(row.description, domain),
      model.score(row.description, domain),
    ];
    const shuffled: number[][] = [];
    while (shuffled.length < 5) {
      const j = Math.floor(random() * evaluated.length);
      const other = evaluated[j];
      if (j !== i && other && other.domain !== row.domain) shuffled.push(vector(other.domain));
    }
    pooled.push({ real: vector(row.domain), shuffled, mentions: row.descMentionsName });
  }
  console.error(`fold ${fold + 1}/${folds} done, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
const auc = (column: number, subset: typeof pooled) =>
  pairedAuc(
    subset.map((p) => ({ real: p.real[column] as number, shuffled: p.shuffled.map((s) => s[column] as number) })),
  );
const noMention = pooled.filter((p) => !p.mentions);
const last = RELEVANCE_FEATURE_NAMES.length;
console.log(
  `cv ${folds} folds on ${rows.length} train-split rows: trained model overall ${auc(last, pooled).toFixed(4)} no-mention ${auc(last, noMention).toFixed(4)} (n=${noMention.length})`,
);
if (values.features)
  for (const [column, name] of RELEVANCE_FEATURE_NAMES.entries())
    console.log(
      `  ${name.padEnd(20)} overall ${auc(column, pooled).toFixed(4)} no-mention ${auc(column, noMention).toFixed(4)}`,
    );
