/**
 * Model A vs model B on the held-out test split (and optionally the edge-case suite), scored by the evaluator's
 * validated judge, compared with a paired bootstrap + Wilcoxon; both runs recorded in the run store.
 *   npx tsx scripts/eval-compare.ts --run base-v1 --b-adapter ../../models/runs/base-v1/lora-v2/nomen-lora.gguf
 *     [--a model.gguf] [--a-adapter …] [--b model.gguf] [--suite test|edge] [--limit N] [--db …/runs.db]
 * Writes models/runs/<run>/eval-compare-<suite>-<A>-vs-<B>.json.
 */
import { writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createTrainedJudgeAsync, defaultCompaniesPath, formatEstimate } from "@nomen/evaluator";
import {
  type ComparisonItem,
  compareModels,
  type EdgeCaseSuiteItem,
  heldOutItems,
  modelLabel,
  REPO_ROOT,
  readJsonlRows,
  runPaths,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    a: { type: "string" },
    "a-adapter": { type: "string" },
    b: { type: "string" },
    "b-adapter": { type: "string" },
    suite: { type: "string", default: "test" },
    dataset: { type: "string", default: resolve(REPO_ROOT, "datasets/v1") },
    edge: { type: "string", default: resolve(REPO_ROOT, "datasets/suites/edge-cases-v1.jsonl") },
    limit: { type: "string" },
    db: { type: "string", default: resolve(REPO_ROOT, ".nomen/runs.db") },
    "judge-data": { type: "string", default: defaultCompaniesPath() },
  },
});
const paths = runPaths(values.run);
const side = (model: string | undefined, adapter: string | undefined) => {
  const modelPath = model ?? paths.baseGguf;
  const label = modelLabel(modelPath, adapter);
  return { label, modelPath, ...(adapter ? { adapters: [{ path: adapter }] } : {}) };
};
const a = side(values.a, values["a-adapter"]);
const b = side(values.b, values["b-adapter"]);
if (a.label === b.label) throw new Error(`A and B are the same model (${a.label}): give --b or --b-adapter.`);

let items: ComparisonItem[];
let dataset: string;
if (values.suite === "test") {
  const held = await heldOutItems({ datasetDir: values.dataset, trainedOn: [paths.train] });
  console.log(
    `test split: ${held.items.length} held-out items (${held.droppedGroups.length} groups dropped: seen in training)`,
  );
  items = held.items;
  dataset = values.dataset;
} else if (values.suite === "edge") {
  const rows = await readJsonlRows<EdgeCaseSuiteItem>(values.edge);
  items = rows
    .filter((row) => !row.expectBlocked)
    .map((row) => ({ id: row.id, category: row.category, description: row.input }));
  dataset = values.edge;
} else throw new Error(`--suite: expected test or edge, got ${values.suite}`);
items = items.slice(0, values.limit ? Number(values.limit) : undefined);

console.log(`judge: metric judge, relevance trained on the train split of ${values["judge-data"]}`);
const judge = await createTrainedJudgeAsync({ dataPath: values["judge-data"], seed: 1 });
const result = await compareModels({
  a,
  b,
  items,
  judge,
  suite: `${values.suite === "test" ? `${basename(values.dataset)}/test (held out)` : basename(values.edge)}`,
  dataset,
  runStorePath: values.db,
  onProgress: (line) => console.log(line),
});
const { comparison } = result;
console.log(`${values.suite}: n = ${comparison.pairedItems} paired items`);
console.log(
  `  A ${a.label.padEnd(28)} overall ${formatEstimate(comparison.overall.meanA)} refused ${result.a.refused}`,
);
console.log(
  `  B ${b.label.padEnd(28)} overall ${formatEstimate(comparison.overall.meanB)} refused ${result.b.refused}`,
);
console.log(
  `  B − A ${formatEstimate(comparison.overall.delta)} Wilcoxon p = ${comparison.overall.wilcoxon.p.toPrecision(3)} → ${comparison.overall.verdict}`,
);
for (const [category, c] of Object.entries(comparison.byCategory))
  console.log(`    ${category.padEnd(12)} B − A ${formatEstimate(c.delta)} ${c.verdict}`);
for (const [criterion, c] of Object.entries(comparison.byCriterion))
  console.log(`    ${criterion.padEnd(16)} B − A ${formatEstimate(c.delta)}`);
console.log(`runs recorded in ${values.db}: ${result.a.runId} (A), ${result.b.runId} (B)`);
const out = join(paths.runDir, `eval-compare-${values.suite}-${a.label}-vs-${b.label}.json`);
await writeFile(
  out,
  `${JSON.stringify({ a: { ...a, runId: result.a.runId, refused: result.a.refused, overall: result.a.overall, criteria: result.a.criteria }, b: { ...b, runId: result.b.runId, refused: result.b.refused, overall: result.b.overall, criteria: result.b.criteria }, comparison }, null, 2)}\n`,
);
console.log(`wrote ${out}`);
