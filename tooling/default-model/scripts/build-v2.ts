/**
 * A LoRA dataset (v2, v3, …) aimed at the measured failures of the model it adapts (models/README.md, "Failure taxonomy").
 *   npx tsx scripts/build-v2.ts [--run base-v1] [--out ../../datasets/v2] [--fresh-size 12000] [--seed 2]
 *     [--invented 2400] [--blocked 1200] [--near-miss 600] [--constrained 600] [--business 1200] [--validation 300]
 *     [--request-share 0]   (share of fresh benign rows worded like blocked requests; v7 on)
 *     [--lowercase]         (user turns lowercased, for a base whose GGUF asks for lowercased prompts; v16 on)
 *     [--evasion-share 0.17] [--extra-blocked-phrases]   (blocked rows: evasions, training-only phrases; v17 on)
 *     [--benign-evasion-share 0]   (benign rows disguised the same way; v19 on)
 *     [--odd-benign 0]   (business rows made odd-looking: instructions, numbers, brands, symbols, typos; v23 on)
 * Fresh rows come from dataset-gen with another seed (generated into a temp folder); v1 test and validation groups,
 * the run's copy-probe words and the safety/edge suite inputs never enter v2. Deterministic for the arguments.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateDataset } from "@nomen/dataset-gen";
import { lowercaseUserTurns } from "@nomen/metal-runtime";
import {
  buildDatasetV2,
  type ChatRecord,
  type DatasetRow,
  type ExampleMeta,
  REPO_ROOT,
  readJsonlRows,
  readSuiteInputs,
  runPaths,
  writeJsonlRows,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    v1: { type: "string", default: resolve(REPO_ROOT, "datasets/v1") },
    out: { type: "string", default: resolve(REPO_ROOT, "datasets/v2") },
    "fresh-size": { type: "string", default: "12000" },
    seed: { type: "string", default: "2" },
    invented: { type: "string", default: "2400" },
    blocked: { type: "string", default: "1200" },
    "near-miss": { type: "string", default: "600" },
    constrained: { type: "string", default: "600" },
    business: { type: "string", default: "1200" },
    validation: { type: "string", default: "300" },
    "request-share": { type: "string", default: "0" },
    lowercase: { type: "boolean", default: false },
    "evasion-share": { type: "string" },
    "extra-blocked-phrases": { type: "boolean", default: false },
    "benign-evasion-share": { type: "string", default: "0" },
    "odd-benign": { type: "string", default: "0" },
  },
});
const seed = Number(values.seed);
const paths = runPaths(values.run);
const readRows = async (dir: string, split: string): Promise<DatasetRow[]> => {
  const records = await readJsonlRows<ChatRecord>(join(dir, `${split}.jsonl`));
  const metas = await readJsonlRows<ExampleMeta>(join(dir, `${split}.meta.jsonl`));
  return records.map((record, i) => ({ record, meta: metas[i]! }));
};

const freshDir = await mkdtemp(join(tmpdir(), "nomen-v2-fresh-"));
try {
  await generateDataset({
    size: Number(values["fresh-size"]),
    seed,
    outDir: freshDir,
    requestShare: Number(values["request-share"]),
    evasionShare: values["evasion-share"] === undefined ? undefined : Number(values["evasion-share"]),
    extraBlockedPhrases: values["extra-blocked-phrases"],
    benignEvasionShare: Number(values["benign-evasion-share"]),
  });
  const heldOutGroups = new Set(
    [...(await readRows(values.v1, "test")), ...(await readRows(values.v1, "validation"))].map((row) => row.meta.group),
  );
  const reserved = new Set(
    (await readJsonlRows<{ word: string }>(paths.probes)).map((probe) => probe.word.toLowerCase()),
  );
  const suiteInputs = await readSuiteInputs();
  const fresh = [...(await readRows(freshDir, "train")), ...(await readRows(freshDir, "test"))];
  const freshValidation = await readRows(freshDir, "validation");
  const pool = [...fresh, ...(await readRows(values.v1, "train"))];
  const targets = {
    invented: Number(values.invented),
    blocked: Number(values.blocked),
    nearMiss: Number(values["near-miss"]),
    constrained: Number(values.constrained),
    business: Number(values.business),
    ...(values["odd-benign"] !== "0" ? { oddBenign: Number(values["odd-benign"]) } : {}),
  };
  const train = buildDatasetV2({ pool, heldOutGroups, reserved, suiteInputs, targets, seed });
  const share = Number(values.validation) / train.counts.total;
  const validation = buildDatasetV2({
    pool: freshValidation,
    heldOutGroups,
    reserved,
    suiteInputs,
    targets: Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, Math.ceil(v * share)])) as typeof targets,
    seed: seed + 1000,
  });
  const cased = (records: ChatRecord[]) =>
    values.lowercase ? records.map((record) => ({ messages: lowercaseUserTurns(record.messages) })) : records;
  await mkdir(values.out, { recursive: true });
  await writeJsonlRows(join(values.out, "train.jsonl"), cased(train.records));
  await writeJsonlRows(join(values.out, "validation.jsonl"), cased(validation.records));
  const sha256 = async (file: string) =>
    createHash("sha256")
      .update(await readFile(join(values.out, file)))
      .digest("hex");
  const card = {
    name: basename(values.out),
    purpose:
      "LoRA data aimed at the measured failures of the model it adapts: unseen-word copying, refusals vs near-misses, stated constraints",
    command: `npx tsx scripts/build-v2.ts ${process.argv.slice(2).join(" ")}`.trim(),
    sources: {
      fresh: `@nomen/dataset-gen generateDataset size ${values["fresh-size"]} seed ${seed}${Number(values["request-share"]) > 0 ? ` requestShare ${values["request-share"]}` : ""}${values["evasion-share"] === undefined ? "" : ` evasionShare ${values["evasion-share"]}`}${values["extra-blocked-phrases"] ? " extraBlockedPhrases" : ""}${Number(values["benign-evasion-share"]) > 0 ? ` benignEvasionShare ${values["benign-evasion-share"]}` : ""} (train+test splits; its validation split → v2 validation)`,
      v1Train: relative(REPO_ROOT, join(values.v1, "train.jsonl")),
    },
    ...(values.lowercase ? { userTurns: "lowercased (lowercaseUserTurns, as the runtime renders them)" } : {}),
    excluded: {
      heldOutGroups: `${heldOutGroups.size} v1 test+validation groups`,
      reservedWords: `${reserved.size} copy-probe words of run ${values.run}`,
      suiteInputs: `${suiteInputs.size} safety/edge-case suite inputs`,
    },
    targets,
    counts: { train: train.counts, validation: validation.counts },
    sha256: { "train.jsonl": await sha256("train.jsonl"), "validation.jsonl": await sha256("validation.jsonl") },
  };
  await writeFile(join(values.out, "card.json"), `${JSON.stringify(card, null, 2)}\n`);
  console.log(JSON.stringify(card.counts, null, 2));
  console.log(`wrote ${values.out}`);
} finally {
  await rm(freshDir, { recursive: true, force: true });
}
