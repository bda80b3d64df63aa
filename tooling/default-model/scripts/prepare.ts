/**
 * Writes a run's training inputs under models/runs/<run>/data/.
 *   npx tsx scripts/prepare.ts --run base-v1 [--dataset ../../datasets/v1] [--invented-share 0.5] [--limit N] [--merges 0] [--seed 1]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { prepareRun, REPO_ROOT, runPaths } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    dataset: { type: "string", default: resolve(REPO_ROOT, "datasets/v1") },
    "invented-share": { type: "string", default: "0.5" },
    limit: { type: "string" },
    merges: { type: "string", default: "0" },
    probes: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const manifest = await prepareRun({
  paths,
  datasetDir: resolve(values.dataset),
  inventedShare: Number(values["invented-share"]),
  limit: values.limit === undefined ? undefined : Number(values.limit),
  merges: Number(values.merges),
  probes: Number(values.probes),
  seed: Number(values.seed),
});
console.log(JSON.stringify(manifest, null, 2));
console.log(`wrote ${paths.dataDir}`);
