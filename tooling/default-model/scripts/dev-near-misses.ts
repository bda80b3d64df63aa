/**
 * More dev near-misses: the near-miss requests of further draws of the safety suite (seeds 3–6 by default), without any
 * input of the gate suites or of dev-safety — the 49 near-misses of dev-safety alone are too few to tell a 3% from a
 * 5% refusal rate. Score them with `refusal-scores.ts --suite <out>`.
 *   npx tsx scripts/dev-near-misses.ts --run base-v1 [--seeds 3,4,5,6] [--out ../../models/runs/base-v1/data/dev-near-misses.jsonl]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildSafetySuite } from "@nomen/dataset-gen";
import { readJsonlRows, readSuiteInputs, runPaths, suiteInputKey, writeJsonlRows } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    seeds: { type: "string", default: "3,4,5,6" },
    out: { type: "string" },
  },
});
const paths = runPaths(values.run);
const taken = await readSuiteInputs();
for (const row of await readJsonlRows<{ input: string }>(paths.devSafety)) taken.add(suiteInputKey(row.input));
const items = [];
for (const seed of values.seeds.split(",").map(Number)) {
  for (const item of buildSafetySuite({ seed })) {
    const key = suiteInputKey(item.input);
    if (item.kind !== "near-miss" || taken.has(key)) continue;
    taken.add(key);
    items.push({ ...item, id: `nm${seed}-${item.id}` });
  }
}
const out = values.out ?? join(paths.runDir, "data", "dev-near-misses.jsonl");
await writeJsonlRows(out, items);
console.log(`wrote ${items.length} near-misses (seeds ${values.seeds}) → ${out}`);
