/**
 * Fits the default adapter's decision threshold (`nomen.decision.refusal_bias`) on refusal scores of held-out data
 * (`refusal-scores.ts` on dev-safety — never the gate suites), prints the decision curve, and optionally writes an
 * adapter GGUF that carries the bias (tensors byte-identical).
 *   npx tsx scripts/fit-refusal-bias.ts --scores ../../models/runs/base-v1/refusal-scores-dev-safety-….json \
 *     [--refuse-rate 0.92] [--adapter in.gguf --out out.gguf]
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
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
    scores: { type: "string" },
    "refuse-rate": { type: "string", default: "0.92" },
    adapter: { type: "string" },
    out: { type: "string" },
  },
});
if (!values.scores) throw new PipelineInputError("fit-refusal-bias: --scores <refusal-scores.json> is required");
if (Boolean(values.adapter) !== Boolean(values.out)) {
  throw new PipelineInputError("fit-refusal-bias: give --adapter and --out together (or neither)");
}
const { items } = JSON.parse(await readFile(values.scores, "utf8")) as RefusalScores;
const line = (c: RefusalCounts) =>
  `bias ${c.bias.toFixed(3).padStart(7)}  must-refuse ${c.mustRefuse.refused}/${c.mustRefuse.items}  must-answer refused ${c.mustAnswer.refused}/${c.mustAnswer.items}  ` +
  Object.entries(c.byGroup)
    .map(([group, g]) => `${group} ${g.refused}/${g.items}`)
    .join(", ");
for (const bias of [-3, -2, -1, 0, 1, 2, 3]) console.log(line(refusalsAt(items, bias)));
const fit = fitRefusalBias({ scores: items, refuseRate: Number(values["refuse-rate"]) });
console.log(`fit (refuse ≥ ${values["refuse-rate"]} of must-refuse):\n${line(fit)}`);
if (values.adapter && values.out) {
  const to = resolve(values.out);
  const bytes = await copyGgufWithMetadata({
    from: resolve(values.adapter),
    to,
    metadata: { [REFUSAL_BIAS_KEY]: f32(fit.bias) },
  });
  console.log(`wrote ${to} (${bytes} bytes, ${REFUSAL_BIAS_KEY} = ${fit.bias})`);
}
