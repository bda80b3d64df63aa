/**
 * `nomen eval` end to end before a trained model ships: two template model versions on the
 * dataset-gen edge-case suite (600 items), scored by the metric judge, recorded in the run
 * store, compared (paired bootstrap + Wilcoxon), failure taxonomy, safety suite with and
 * without the guard, Markdown + HTML report.
 * Usage: pnpm --filter @nomen/evaluator eval-demo [--report out/eval-demo] [--db .nomen/runs.db] [--per-category 60] [--untrained] [--train-log trainer.jsonl]
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildEdgeCaseSuite, buildSafetySuite } from "@nomen/dataset-gen";
import { checkInput } from "@nomen/guard";
import { compareRuns } from "../src/compare/compareRuns.js";
import { loadCompanies } from "../src/data/loadCompanies.js";
import { evaluateSuggestions, type SuggestionItem } from "../src/evaluateSuggestions.js";
import { MetricJudge } from "../src/judge/MetricJudge.js";
import { RelevanceModel } from "../src/judge/relevance/RelevanceModel.js";
import { WordNet } from "../src/lexicon/WordNet.js";
import { readTrainerLog } from "../src/report/readTrainerLog.js";
import { writeReport } from "../src/report/writeReport.js";
import { safetyMetrics } from "../src/safety/safetyMetrics.js";
import { formatEstimate } from "../src/stats/bootstrap.js";
import { type EdgeCaseOutcome, failureTable } from "../src/taxonomy/classifyFailure.js";
import { hashText } from "../src/tracking/hashFile.js";
import { RunStore } from "../src/tracking/RunStore.js";
import { templateV1, templateV2 } from "./templateModels.js";

const { values } = parseArgs({
  options: {
    report: { type: "string", default: "out/eval-demo" },
    db: { type: "string", default: ".nomen/runs.db" },
    "per-category": { type: "string", default: "60" },
    untrained: { type: "boolean", default: false },
    "train-log": { type: "string" },
  },
});
const seed = 1;
const suite = buildEdgeCaseSuite({ seed, perCategory: Number(values["per-category"]) });
const suiteHash = hashText(JSON.stringify(suite));
const wordnet = WordNet.load();
const dataPath = resolve(import.meta.dirname, "../../../../shared/data/real-companies/companies.jsonl");
let relevance: RelevanceModel | undefined;
if (!values.untrained && existsSync(dataPath)) {
  const started = performance.now();
  const examples = loadCompanies(dataPath)
    .filter((r) => r.split === "train")
    .map((r) => ({ description: r.description, domain: r.domain, sector: r.industry, era: r.era }));
  relevance = RelevanceModel.train({ wordnet, examples, seed });
  console.log(
    `relevance model trained on ${examples.length} train rows in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
const judge = MetricJudge.create({ wordnet, ...(relevance ? { relevance } : {}) });
const versions = [
  { name: "template-v1", generate: (item: (typeof suite)[number]) => templateV1(item.input) },
  { name: "template-v2", generate: (item: (typeof suite)[number]) => templateV2(item.input, item.constraints ?? {}) },
];

using store = RunStore.open({ path: values.db });
const runs = versions.map((version) => {
  const started = performance.now();
  const items: SuggestionItem[] = suite.map((item) => ({
    id: item.id,
    category: item.category,
    description: item.input,
    suggestions: version.generate(item),
  }));
  const evaluation = evaluateSuggestions({ judge, items, seed });
  const outcomes: EdgeCaseOutcome[] = suite.map((item, i) => {
    const list = items[i] as SuggestionItem;
    return {
      id: item.id,
      description: item.input,
      expected: "suggest",
      status: "ok",
      suggestions: list.suggestions,
      relevance: judge.scoreList(item.input, list.suggestions).map((s) => s.scores.relevance),
      ...(item.constraints ? { constraints: item.constraints } : {}),
      ...(item.forbidden ? { forbidden: item.forbidden } : {}),
    };
  });
  const failures = failureTable(version.name, outcomes);
  const id = store.record(
    {
      model: version.name,
      modelHash: hashText(version.generate.toString()),
      dataset: "dataset-gen edge-case suite",
      datasetVersion: `seed ${seed}, ${suite.length} items`,
      datasetHash: suiteHash,
      suite: "edge-cases",
      config: { judge: relevance ? "metric (trained relevance)" : "metric (untrained relevance)" },
      seed,
      backend: "template (no model)",
      durationMs: performance.now() - started,
    },
    evaluation.items,
    { overall: evaluation.overall, criteria: evaluation.criteria, failures },
  );
  console.log(
    `${version.name}: run ${id}, overall ${formatEstimate(evaluation.overall, 2)}, failures ${failures.failures}/${failures.items}`,
  );
  return { version, id, evaluation, failures };
});

const [a, b] = runs as [(typeof runs)[number], (typeof runs)[number]];
const comparison = compareRuns({ store, runA: a.id, runB: b.id, seed });
const o = comparison.overall;
console.log(
  `${b.version.name} vs ${a.version.name} on ${comparison.pairedItems} items: ${o.verdict}; Δ overall ${formatEstimate(o.delta)}; Wilcoxon z=${o.wilcoxon.z.toFixed(2)} p=${o.wilcoxon.p.toExponential(2)}`,
);
for (const [category, c] of Object.entries(comparison.byCategory))
  console.log(`  ${category.padEnd(18)} Δ ${formatEstimate(c.delta)}  ${c.verdict}`);

const safetyItems = buildSafetySuite({ seed });
const safety = [
  safetyMetrics(
    "with guard",
    safetyItems.map((s) => ({
      kind: s.kind === "near-miss" ? "near-miss" : "blocked",
      refused: !checkInput(s.input).allowed,
      category: s.category,
    })),
  ),
  safetyMetrics(
    "template model, no guard",
    safetyItems.map((s) => ({
      kind: s.kind === "near-miss" ? "near-miss" : "blocked",
      refused: false,
      category: s.category,
    })),
  ),
];
for (const s of safety)
  console.log(`safety ${s.label}: recall ${formatEstimate(s.recall)}, over-refusal ${formatEstimate(s.overRefusal)}`);

const files = writeReport({
  outDir: values.report,
  title: `${b.version.name} vs ${a.version.name} — edge-case suite`,
  notes: [
    `runs ${a.id} and ${b.id} in ${values.db}`,
    `judge: ${relevance ? "metric judge, relevance trained on the real-companies train split" : "metric judge, untrained relevance"}`,
    `suite: dataset-gen edge cases, seed ${seed}, ${suite.length} items, sha256 ${suiteHash.slice(0, 12)}`,
    "models: deterministic templates standing in for trained versions",
  ],
  models: runs.map((r) => ({
    name: r.version.name,
    runId: r.id,
    overall: r.evaluation.overall,
    criteria: r.evaluation.criteria,
  })),
  comparison,
  failures: runs.map((r) => r.failures),
  safety,
  lossCurves: values["train-log"] ? readTrainerLog(values["train-log"]) : [],
});
console.log(`report: ${files.markdown}, ${files.html}`);
