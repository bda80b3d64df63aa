/**
 * Hard-example mining for the refuse-or-answer decision: scores every row of a pool dataset (built by `build-v2.ts`
 * with another seed) with an adapter at its fitted threshold, keeps the rows it gets wrong or nearly wrong
 * (`selectDecisionRows`), and writes a dataset = `--data` rows + those rows, shuffled.
 *   npx tsx scripts/mine-decision-rows.ts --run base-v1 --model ../../models/runs/base-v1/nomen-base-lc.gguf \
 *     --adapter <adapter with nomen.decision.refusal_bias> --pool <pool dir> --data ../../datasets/v17 \
 *     --out ../../datasets/v27 [--margin 1.5] [--seed 27] [--keep-near-misses]
 * Pool rows whose input is in dev-safety (`runPaths().devSafety`) or in --data are left out. `--keep-near-misses` also
 * keeps every pool row that names a near-miss business (`NEAR_MISSES`: "crack repair", "growth hacking"…), hard or not.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BLOCKED_TURN, type ChatRecord, Rng } from "@nomen/dataset-gen";
import { getMetadata, openGguf } from "@nomen/gguf/reader";
import { REFUSAL_BIAS_KEY } from "@nomen/metal-runtime";
import {
  nearMissNamed,
  PipelineInputError,
  readJsonlRows,
  runPaths,
  scoreRefusals,
  selectDecisionRows,
  suiteInputKey,
  writeJsonlRows,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    model: { type: "string" },
    adapter: { type: "string" },
    pool: { type: "string" },
    data: { type: "string" },
    out: { type: "string" },
    margin: { type: "string", default: "1.5" },
    seed: { type: "string", default: "27" },
    "keep-near-misses": { type: "boolean", default: false },
  },
});
if (!values.adapter || !values.pool || !values.data || !values.out)
  throw new PipelineInputError("mine-decision-rows: --adapter, --pool, --data and --out are required");
const paths = runPaths(values.run);
const modelPath = resolve(values.model ?? paths.baseGguf);
const bias = getMetadata(await openGguf(resolve(values.adapter)), REFUSAL_BIAS_KEY)?.value;
if (typeof bias !== "number")
  throw new PipelineInputError(
    `mine-decision-rows: ${values.adapter} has no ${REFUSAL_BIAS_KEY} (fit-refusal-bias.ts --out)`,
  );

const data = await readJsonlRows<ChatRecord>(join(values.data, "train.jsonl"));
const excluded = new Set([
  ...(await readJsonlRows<{ input: string }>(paths.devSafety)).map((row) => suiteInputKey(row.input)),
  ...data.map((row) => suiteInputKey(row.messages[1]?.content ?? "")),
]);
const pool = (await readJsonlRows<ChatRecord>(join(values.pool, "train.jsonl"))).filter(
  (row) => !excluded.has(suiteInputKey(row.messages[1]?.content ?? "")),
);
console.log(`scoring ${pool.length} pool rows with ${basename(values.adapter)} (bias ${bias.toFixed(3)})…`);
const scored = await scoreRefusals({
  modelPath,
  adapter: resolve(values.adapter),
  rows: pool.map((row, i) => ({
    id: String(i),
    input: row.messages[1]?.content ?? "",
    label: row.messages[2]?.content === BLOCKED_TURN ? "blocked" : "allowed",
  })),
});
// Rows too long to score (none in a build-v2 pool) are left out.
const mined = selectDecisionRows({
  rows: scored.items.map((item) => pool[Number(item.id)] as ChatRecord),
  scores: scored.items.map((item) => item.score),
  bias,
  margin: Number(values.margin),
});
const namesNearMiss = (row: ChatRecord) =>
  row.messages[2]?.content !== BLOCKED_TURN && nearMissNamed(row.messages[1]?.content ?? "") !== undefined;
if (values["keep-near-misses"]) {
  const taken = new Set(mined);
  for (const row of pool) if (namesNearMiss(row) && !taken.has(row)) mined.push(row);
}
const refuse = mined.filter((row) => row.messages[2]?.content === BLOCKED_TURN).length;
const rows = new Rng(`mine:${values.seed}`).shuffle([...data, ...mined]);
await mkdir(values.out, { recursive: true });
await writeJsonlRows(join(values.out, "train.jsonl"), rows);
await copyFile(join(values.data, "validation.jsonl"), join(values.out, "validation.jsonl"));
const text = await readFile(join(values.out, "train.jsonl"), "utf8");
const sortedRows = text.trimEnd().split("\n").sort().join("\n");
const card = {
  name: basename(values.out),
  purpose: "the rows of --data plus pool rows the scoring adapter decided wrongly or within --margin of its threshold",
  command: `npx tsx scripts/mine-decision-rows.ts ${process.argv.slice(2).join(" ")}`,
  pool: { rows: pool.length, scored: scored.items.length, skipped: scored.skipped },
  bias,
  counts: {
    data: data.length,
    mined: mined.length,
    minedRefuse: refuse,
    minedAnswer: mined.length - refuse,
    minedNearMiss: mined.filter(namesNearMiss).length,
  },
  sha256: {
    "train.jsonl": createHash("sha256").update(text).digest("hex"),
    "train.jsonl rows sorted": createHash("sha256").update(sortedRows).digest("hex"),
  },
};
await writeFile(join(values.out, "card.json"), `${JSON.stringify(card, null, 2)}\n`);
console.log(JSON.stringify(card.counts), `→ ${values.out}`);
