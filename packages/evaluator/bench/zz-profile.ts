import { defaultCompaniesPath, loadCompanies } from "../src/data/loadCompanies.js";
import { MetricJudge } from "../src/judge/MetricJudge.js";
import { RelevanceModel } from "../src/judge/relevance/RelevanceModel.js";
import { WordNet } from "../src/lexicon/WordNet.js";
import { syntheticItems } from "./syntheticItems.js";

const wordnet = WordNet.load();
const examples = loadCompanies(defaultCompaniesPath())
  .filter((r) => r.split === "train")
  .slice(0, 1500)
  .map((r) => ({ description: r.description, domain: r.domain, sector: r.industry, era: r.era }));
const relevance = RelevanceModel.train({ wordnet, examples });
const judge = MetricJudge.create({ wordnet, relevance });
const pool = syntheticItems(3000, 11);
for (const item of pool.slice(0, 500)) judge.scoreList(item.description, item.suggestions);
const t = performance.now();
for (const item of pool.slice(500, 2500)) judge.scoreList(item.description, item.suggestions);
console.log(`${((2000 * 5) / ((performance.now() - t) / 1000)).toFixed(0)} items/s`);
