/**
 * Metric-judge throughput (items = one description × one suggested domain), side by side
 * with the character-trigram baseline. Every repeat scores fresh items, so per-domain and
 * per-description caches do not inflate the number (word-level WordNet caches stay warm,
 * as in a real evaluation run).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { BenchSuite } from "@nomen/bench";
import { loadCompanies } from "../src/data/loadCompanies.js";
import type { SafetyCheck } from "../src/judge/checks.js";
import { MetricJudge } from "../src/judge/MetricJudge.js";
import { RelevanceModel } from "../src/judge/relevance/RelevanceModel.js";
import { guardSafety } from "../src/judge/siblingChecks.js";
import { WordNet } from "../src/lexicon/WordNet.js";
import { charTrigramBaseline } from "../src/validation/charTrigramBaseline.js";
import { syntheticItems } from "./syntheticItems.js";

/** The judge without the output filter, to isolate the filter's cost. */
const passEverything: SafetyCheck = { check: () => ({ blocked: false }) };
const LISTS_PER_RUN = 200; // × 5 suggestions = 1,000 items per run
const REPEATS = 5;
// Three warm-up repeats (3,000 items): word-level WordNet caches fill up as in any evaluation run longer than that.
const WARMUP = 3;
const pool = syntheticItems(LISTS_PER_RUN * (REPEATS + WARMUP) * 3, 11);
let cursor = 0;
const nextBatch = () => {
  const batch = pool.slice(cursor, cursor + LISTS_PER_RUN);
  cursor = (cursor + LISTS_PER_RUN) % pool.length;
  return batch;
};
const items = LISTS_PER_RUN * 5;

const suite = new BenchSuite("evaluator: metric judge");
const loadStarted = performance.now();
const wordnet = WordNet.load();
console.log(`WordNet loaded in ${(performance.now() - loadStarted).toFixed(0)} ms`);

await suite.add({
  name: "char-trigram baseline",
  backend: "js",
  work: { amount: items, unit: "items" },
  warmup: WARMUP,
  repeats: REPEATS,
  fn: () => {
    for (const item of nextBatch()) for (const s of item.suggestions) charTrigramBaseline(item.description, s);
  },
});

await suite.add({
  name: "guard output filter alone",
  backend: "@nomen/guard",
  work: { amount: items, unit: "items" },
  warmup: WARMUP,
  repeats: REPEATS,
  fn: () => {
    for (const item of nextBatch()) for (const s of item.suggestions) guardSafety.check(s, item.description);
  },
});

const untrained = MetricJudge.create({ wordnet });
await suite.add({
  name: "metric judge (untrained relevance)",
  backend: "js",
  work: { amount: items, unit: "items" },
  warmup: WARMUP,
  repeats: REPEATS,
  fn: () => {
    for (const item of nextBatch()) untrained.scoreList(item.description, item.suggestions);
  },
});

const dataPath = resolve(import.meta.dirname, "../../../../shared/data/real-companies/companies.jsonl");
if (existsSync(dataPath)) {
  const trainStarted = performance.now();
  const examples = loadCompanies(dataPath)
    .filter((r) => r.split === "train")
    .map((r) => ({ description: r.description, domain: r.domain, sector: r.industry, era: r.era }));
  const relevance = RelevanceModel.train({ wordnet, examples });
  console.log(
    `relevance model trained on ${examples.length} train rows in ${((performance.now() - trainStarted) / 1000).toFixed(1)} s`,
  );
  // Untimed settle after training: its garbage is collected and the scoring code is compiled before any case runs.
  const settle = MetricJudge.create({ wordnet, relevance, safety: passEverything });
  for (const item of syntheticItems(1_000, 99)) settle.scoreList(item.description, item.suggestions);
  const trainedNoFilter = MetricJudge.create({ wordnet, relevance, safety: passEverything });
  await suite.add({
    name: "metric judge (trained, no output filter)",
    backend: "js",
    work: { amount: items, unit: "items" },
    warmup: WARMUP,
    repeats: REPEATS,
    fn: () => {
      for (const item of nextBatch()) trainedNoFilter.scoreList(item.description, item.suggestions);
    },
  });
  const trained = MetricJudge.create({ wordnet, relevance });
  await suite.add({
    name: "metric judge (trained relevance)",
    backend: "js",
    work: { amount: items, unit: "items" },
    warmup: WARMUP,
    repeats: REPEATS,
    fn: () => {
      for (const item of nextBatch()) trained.scoreList(item.description, item.suggestions);
    },
  });
} else {
  console.log(`trained judge skipped: ${dataPath} is absent`);
}
suite.table({ baseline: "char-trigram baseline" });
