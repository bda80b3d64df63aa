/**
 * Failure taxonomy of the model itself on the edge-case suite (`@nomen/evaluator` classifyFailure; no guard).
 *   npx tsx scripts/eval-edge.ts --run base-v1 [--model path.gguf] [--adapter lora.gguf] [--suite …/edge-cases-v1.jsonl] [--limit N]
 * Writes models/runs/<run>/eval-edge-<model file>.json.
 */
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type EdgeCaseSuiteItem,
  evaluateEdgeCases,
  modelLabel,
  REPO_ROOT,
  readJsonlRows,
  runPaths,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    model: { type: "string" },
    adapter: { type: "string" },
    suite: { type: "string", default: resolve(REPO_ROOT, "datasets/suites/edge-cases-v1.jsonl") },
    limit: { type: "string" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const modelPath = values.model ?? paths.baseGguf;
const tag = modelLabel(modelPath, values.adapter);
const items = (await readJsonlRows<EdgeCaseSuiteItem>(values.suite)).slice(
  0,
  values.limit ? Number(values.limit) : undefined,
);
const evaluation = await evaluateEdgeCases({
  modelPath,
  adapters: values.adapter ? [{ path: values.adapter }] : undefined,
  items,
  label: tag,
});
const { table } = evaluation;
console.log(`${table.model}: ${table.failures}/${table.items} items fail`);
for (const [failure, n] of Object.entries(table.counts)) if (n > 0) console.log(`  ${failure.padEnd(20)} ${n}`);
for (const [category, c] of Object.entries(evaluation.byCategory))
  console.log(`  ${category.padEnd(18)} ${c.failures}/${c.items} fail, keyword copied in ${c.keywordCopied}`);
console.log(`${evaluation.backend}, ${evaluation.seconds.toFixed(1)} s`);
const out = join(paths.runDir, `eval-edge-${tag}.json`);
await writeFile(out, `${JSON.stringify({ modelPath, adapter: values.adapter ?? null, ...evaluation }, null, 2)}\n`);
console.log(`wrote ${out}`);
