/**
 * The model's own refusal log-odds (ln p(blocked) − ln p(list) where the answer chooses; > 0 refuses greedily) for
 * every input of one or more suites: the safety suite, dev-safety, the edge-case suite. One prompt evaluation per
 * item, no decoding, so a checkpoint's whole decision curve costs seconds; `fit-refusal-bias.ts` reads the file.
 *   npx tsx scripts/refusal-scores.ts --run base-v1 --model ../../models/nomen-base.gguf --adapter ../../models/nomen-lora.gguf \
 *     [--suite dev-safety] [--suite ../../datasets/suites/edge-cases-v1.jsonl] [--out file.json]
 * `--suite dev-safety` (the default) is the run's dev set (`dev-safety.ts`); other values are JSONL paths.
 * Writes models/runs/<run>/refusal-scores-<suites>-<model>.json unless --out is given.
 */
import { writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { modelLabel, refusalsAt, runPaths, scoreRefusals } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    model: { type: "string" },
    adapter: { type: "string" },
    suite: { type: "string", multiple: true },
    out: { type: "string" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const modelPath = values.model ?? paths.baseGguf;
const suites = (values.suite ?? ["dev-safety"]).map((s) => (s === "dev-safety" ? paths.devSafety : resolve(s)));
const scores = await scoreRefusals({ modelPath, adapter: values.adapter, suites });
const atZero = refusalsAt(scores.items, 0);
for (const [group, g] of Object.entries(atZero.byGroup))
  console.log(`  ${group.padEnd(28)} ${g.refused}/${g.items} refused at bias 0`);
console.log(
  `  must refuse: ${atZero.mustRefuse.refused}/${atZero.mustRefuse.items} refused; must answer: ${atZero.mustAnswer.refused}/${atZero.mustAnswer.items} refused`,
);
console.log(
  `${scores.items.length} items (${scores.skipped} too long for the context, skipped), ${scores.seconds.toFixed(1)} s`,
);
const names = suites.map((s) => basename(s, ".jsonl")).join("+");
const out = values.out ?? join(paths.runDir, `refusal-scores-${names}-${modelLabel(modelPath, values.adapter)}.json`);
await writeFile(out, `${JSON.stringify(scores, null, 1)}\n`);
console.log(`wrote ${out}`);
