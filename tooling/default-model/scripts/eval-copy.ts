/**
 * Unseen-word copy rate of a GGUF through llama.cpp with the suggestion grammar.
 *   npx tsx scripts/eval-copy.ts --run base-v1 [--model path.gguf] [--adapter lora.gguf] [--limit N] [--probes dev]
 * Probes: models/runs/<run>/data/copy-probes.jsonl (the gate's; words absent from that run's training text), or with
 * `--probes dev` the disjoint set from `dev-probes.ts` (for choosing checkpoints without touching the gate's).
 * Writes models/runs/<run>/eval-copy[-dev]-<model file>.json.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CopyProbe, evaluateCopy, modelLabel, PipelineInputError, readJsonlRows, runPaths } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    model: { type: "string" },
    adapter: { type: "string" },
    limit: { type: "string" },
    probes: { type: "string", default: "gate" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const modelPath = values.model ?? paths.baseGguf;
if (values.probes !== "gate" && values.probes !== "dev")
  throw new PipelineInputError(`--probes: expected "gate" or "dev", got ${JSON.stringify(values.probes)}`);
const dev = values.probes === "dev";
const all = await readJsonlRows<CopyProbe>(dev ? paths.devProbes : paths.probes);
// --limit N takes N/2 of each kind, so a quick check still sees invented and real words.
const half = values.limit ? Math.ceil(Number(values.limit) / 2) : undefined;
const probes = (["invented", "real"] as const).flatMap((kind) => all.filter((p) => p.kind === kind).slice(0, half));
const evaluation = await evaluateCopy({
  modelPath,
  adapters: values.adapter ? [{ path: values.adapter }] : undefined,
  probes,
  onOutcome: (o) => console.log(`${o.probe.kind.padEnd(8)} ${o.word.padEnd(14)} ${o.domains.join(" ")}`),
});
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const [kind, r] of Object.entries({ all: evaluation.report, ...evaluation.byKind }))
  console.log(
    `${kind}: copy ${pct(r.copyRate)} (${r.copied}/${r.probes}), parse ${pct(r.parseRate)}, valid ${pct(r.validRate)}, ${r.meanDomains.toFixed(1)} domains/probe`,
  );
console.log(`${evaluation.backend}, ${evaluation.seconds.toFixed(1)} s`);
const out = join(paths.runDir, `eval-copy${dev ? "-dev" : ""}-${modelLabel(modelPath, values.adapter)}.json`);
await writeFile(out, `${JSON.stringify({ modelPath, adapter: values.adapter ?? null, ...evaluation }, null, 2)}\n`);
console.log(`wrote ${out}`);
