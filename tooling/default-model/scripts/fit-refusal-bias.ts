/**
 * Fits the default adapter's decision threshold (`nomen.decision.refusal_bias`) on refusal scores of held-out data
 * (`refusal-scores.ts` on dev-safety — never the gate suites), prints the decision curve, and optionally writes an
 * adapter GGUF that carries the bias (tensors byte-identical).
 *   npx tsx scripts/fit-refusal-bias.ts --scores ../../models/runs/base-v1/refusal-scores-dev-safety-….json \
 *     [--refuse-rate 0.92] [--adapter in.gguf --out out.gguf]
 */
import { mkdir, readFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { f32 } from "@nomen/gguf";
import { REFUSAL_BIAS_KEY } from "@nomen/metal-runtime";
import {
  copyGgufWithMetadata,
  fitRefusalBias,
  PipelineInputError,
  type RefusalCounts,
  type RefusalScores,
  refusalsAt,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    scores: { type: "string", multiple: true },
    "refuse-rate": { type: "string", default: "0.92" },
    adapter: { type: "string" },
    out: { type: "string" },
  },
});
const files = values.scores ?? [];
if (files.length === 0) throw new PipelineInputError("fit-refusal-bias: --scores <refusal-scores.json> is required");
if (Boolean(values.adapter) !== Boolean(values.out)) {
  throw new PipelineInputError("fit-refusal-bias: give --adapter and --out together (or neither)");
}
if (values.adapter && files.length > 1) {
  throw new PipelineInputError("fit-refusal-bias: --adapter/--out take the bias of one --scores file, got several");
}
const refuseRate = Number(values["refuse-rate"]);
const read = async (file: string) => (JSON.parse(await readFile(file, "utf8")) as RefusalScores).items;
const line = (c: RefusalCounts) =>
  `bias ${c.bias.toFixed(3).padStart(7)}  must-refuse ${c.mustRefuse.refused}/${c.mustRefuse.items}  must-answer refused ${c.mustAnswer.refused}/${c.mustAnswer.items}  ` +
  Object.entries(c.byGroup)
    .map(([group, g]) => `${group} ${g.refused}/${g.items}`)
    .join(", ");
if (files.length > 1) {
  const fits = await Promise.all(
    files.map(async (file) => ({ file, fit: fitRefusalBias({ scores: await read(file), refuseRate }) })),
  );
  fits.sort((a, b) => a.fit.mustAnswer.refused - b.fit.mustAnswer.refused);
  for (const { file, fit } of fits) console.log(`${basename(file, ".json")}\n  ${line(fit)}`);
  process.exit(0);
}
const items = await read(files[0] as string);
for (const bias of [-3, -2, -1, 0, 1, 2, 3]) console.log(line(refusalsAt(items, bias)));
const fit = fitRefusalBias({ scores: items, refuseRate });
console.log(`fit (refuse ≥ ${values["refuse-rate"]} of must-refuse):\n${line(fit)}`);
if (values.adapter && values.out) {
  const to = resolve(values.out);
  await mkdir(dirname(resolve(values.out)), { recursive: true });
  const bytes = await copyGgufWithMetadata({
    from: resolve(values.adapter),
    to,
    metadata: { [REFUSAL_BIAS_KEY]: f32(fit.bias) },
  });
  console.log(`wrote ${to} (${bytes} bytes, ${REFUSAL_BIAS_KEY} = ${fit.bias})`);
}
