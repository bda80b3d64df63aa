/**
 * Regenerates a dataset and its card from the command line, with a progress bar:
 *   pnpm --filter @nomen/dataset-gen generate --size 20000 --seed 1 --out ../../datasets/v1
 * (paths are relative to packages/dataset-gen). The card records the command, so the files can be rebuilt
 * byte for byte.
 */
import { parseArgs } from "node:util";
import { generateDataset, verifyDataset } from "../src/index.js";

const { values } = parseArgs({
  // pnpm may pass a bare "--" through; it is not an option.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    size: { type: "string", default: "20000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    name: { type: "string" },
    "request-share": { type: "string", default: "0" },
  },
});
if (!values.out) {
  console.error("generate: --out <folder> is required (e.g. --out ../../datasets/v1)");
  process.exit(2);
}
const started = performance.now();
const bar = (done: number, total: number) => {
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
};
const card = await generateDataset({
  size: Number(values.size),
  seed: values.seed,
  outDir: values.out,
  name: values.name,
  requestShare: Number(values["request-share"]),
  command: `pnpm --filter @nomen/dataset-gen generate --size ${values.size} --seed ${values.seed}${Number(values["request-share"]) > 0 ? ` --request-share ${values["request-share"]}` : ""} --out ${values.out}${values.name ? ` --name ${values.name}` : ""}`,
  onProgress: ({ phase, done, total }) => process.stderr.write(`\r${phase.padEnd(8)} ${bar(done, total)}`),
});
process.stderr.write("\n");
const verified = verifyDataset({ dir: values.out });
console.log(
  JSON.stringify({
    seconds: Math.round((performance.now() - started) / 100) / 10,
    splits: card.splits,
    businessTypes: card.diversity.businessTypes,
    distinctLabelRatio: card.diversity.distinctLabelRatio,
    topTldShare: card.diversity.topTldShare,
    crossSplitNearDuplicates: verified.crossSplitNearDuplicates,
    invalidDomains: verified.invalidDomains.length,
  }),
);
