/**
 * A second draw of the safety suite (another seed: other evasions, templates and cities), without any input of the
 * gate's suite — for choosing among checkpoints without looking at datasets/suites/safety-v1.jsonl.
 *   npx tsx scripts/dev-safety.ts --run base-v1 [--seed 2]
 * Writes models/runs/<run>/data/dev-safety.jsonl (read with `eval-safety.ts --suite`).
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSafetySuite, type SafetyItem } from "@nomen/dataset-gen";
import { REPO_ROOT, readJsonlRows, runPaths, writeJsonlRows } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    seed: { type: "string", default: "2" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const gate = await readJsonlRows<SafetyItem>(resolve(REPO_ROOT, "datasets/suites/safety-v1.jsonl"));
const seen = new Set(gate.map((item) => item.input.trim().toLowerCase()));
const all = buildSafetySuite({ seed: Number(values.seed) });
const items = all.filter((item) => !seen.has(item.input.trim().toLowerCase()));
const out = join(paths.dataDir, "dev-safety.jsonl");
await writeJsonlRows(out, items);
const count = (kind: SafetyItem["kind"]) => items.filter((item) => item.kind === kind).length;
console.log(
  `wrote ${items.length} items (seed ${values.seed}; ${all.length - items.length} equal to a gate input dropped): ` +
    `${count("blocked")} blocked, ${count("evasion")} evasions, ${count("near-miss")} near-misses → ${out}`,
);
