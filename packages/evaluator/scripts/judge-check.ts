/**
 * Prints the metric judge's AUC on the real-companies test split.
 * Usage: pnpm --filter @nomen/evaluator judge-check [--data path] [--validation]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatEstimate } from "../src/stats/bootstrap.js";
import { judgeCheck } from "../src/validation/judgeCheck.js";

const { values } = parseArgs({
  options: { data: { type: "string" }, validation: { type: "boolean", default: false } },
});
const dataPath = values.data ?? resolve(import.meta.dirname, "../../../../shared/data/real-companies/companies.jsonl");
const result = await judgeCheck({ dataPath, evaluateOn: values.validation ? "validation" : "test" });
console.log(
  `judge-check on the ${result.evaluatedOn} split: ${result.evaluatedRows} descriptions × ${result.negativesPerRow} shuffled domains; learned parts trained on ${result.trainRows} train rows`,
);
for (const r of result.results) {
  console.log(
    `${r.scorer.padEnd(40)} overall ${formatEstimate(r.overall)}   no-mention ${formatEstimate(r.noMention)}`,
  );
}
console.log(`took ${(result.durationMs / 1000).toFixed(1)} s`);
