/**
 * A second, disjoint set of unseen-word probes, for choosing among checkpoints without looking at the gate's probes.
 *   npx tsx scripts/dev-probes.ts --run base-v1 [--seed 21] [--invented 200] ../../datasets/v2/train.jsonl ../../datasets/v3/train.jsonl …
 * Words are absent from the run's training mix, every JSONL given and the gate probes.
 * Writes models/runs/<run>/data/dev-probes.jsonl (read with `eval-copy.ts --probes`).
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { buildCopyProbes, type CopyProbe, readJsonlRows, runPaths, writeJsonlRows } from "../src/index.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    run: { type: "string", default: "base-v1" },
    seed: { type: "string", default: "21" },
    invented: { type: "string", default: "200" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const gate = await readJsonlRows<CopyProbe>(paths.probes);
const texts = await Promise.all([paths.train, ...positionals].map((file) => readFile(file, "utf8")));
const probes = buildCopyProbes({
  trainingText: [...texts, ...gate.map((p) => p.word)].join("\n"),
  invented: Number(values.invented),
  real: 0,
  seed: Number(values.seed),
});
const out = paths.devProbes;
await writeJsonlRows(out, probes);
console.log(
  `wrote ${probes.length} probes (seed ${values.seed}, ${positionals.length + 1} training files checked) to ${out}`,
);
