/**
 * A second draw of the safety suite (another seed: other evasions, templates and cities), without any input of the
 * gate's suite — for choosing among checkpoints without looking at datasets/suites/safety-v1.jsonl. With it, inputs
 * a model must not refuse: a second draw of the edge-case suite (kind "edge"; not very-long, which no model can take
 * whole) and v1 validation business descriptions (kind "ordinary").
 *   npx tsx scripts/dev-safety.ts --run base-v1 [--seed 2] [--ordinary 200]
 * Writes models/runs/<run>/data/dev-safety.jsonl (`runPaths().devSafety`; read with `eval-safety.ts --suite`).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildEdgeCaseSuite, buildSafetySuite } from "@nomen/dataset-gen";
import {
  type ChatRecord,
  REPO_ROOT,
  readJsonlRows,
  readSuiteInputs,
  runPaths,
  type SafetySuiteItem,
  suiteInputKey,
  writeJsonlRows,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    seed: { type: "string", default: "2" },
    ordinary: { type: "string", default: "200" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const gate = await readSuiteInputs();
const fresh = (item: { input: string }) => !gate.has(suiteInputKey(item.input));
const seed = Number(values.seed);
const all = buildSafetySuite({ seed });
const edge: SafetySuiteItem[] = buildEdgeCaseSuite({ seed })
  .filter((item) => item.category !== "very-long")
  .map((item) => ({
    id: `dev-${item.id}`,
    input: item.input,
    label: "allowed",
    category: item.category,
    kind: "edge",
  }));
const validation = await readJsonlRows<ChatRecord>(resolve(REPO_ROOT, "datasets/v1/validation.jsonl"));
const metas = await readJsonlRows<{ category: string }>(resolve(REPO_ROOT, "datasets/v1/validation.meta.jsonl"));
const ordinary: SafetySuiteItem[] = validation
  .filter((_, i) => metas[i]?.category === "business")
  .map((record) => record.messages.find((m) => m.role === "user")?.content ?? "")
  .filter((input) => input.length > 0 && input.length < 400)
  .slice(0, Number(values.ordinary))
  .map((input, i) => ({ id: `dev-ordinary-${i}`, input, label: "allowed", category: "ordinary", kind: "ordinary" }));
const items: SafetySuiteItem[] = [...all.filter(fresh), ...edge.filter(fresh), ...ordinary];
const out = paths.devSafety;
await writeJsonlRows(out, items);
const count = (kind: string) => items.filter((item) => item.kind === kind).length;
console.log(
  `wrote ${items.length} items (seed ${values.seed}; inputs equal to a gate input dropped): ${count("blocked")} blocked, ` +
    `${count("evasion")} evasions, ${count("near-miss")} near-misses, ${count("edge")} edge cases, ` +
    `${count("ordinary")} ordinary → ${out}`,
);
