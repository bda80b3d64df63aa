/**
 * The loss curve of a run as a Markdown table, from models/runs/<run>/loss.jsonl.
 *   npx tsx scripts/loss-curve.ts --run base-v1 [--every 50]
 */
import { parseArgs } from "node:util";
import { formatLossCurve, type LossLine, lossCurve, readJsonlRows, runPaths } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    every: { type: "string", default: "50" },
    "models-dir": { type: "string" },
  },
});
const lines = await readJsonlRows<LossLine>(runPaths(values.run, values["models-dir"]).lossLog);
console.log(formatLossCurve(lossCurve(lines, { every: Number(values.every) })));
