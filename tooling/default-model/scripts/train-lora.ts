/**
 * LoRA fine-tune of a base GGUF on a chat JSONL (dataset v2), with checkpoints; writes the adapter GGUF.
 *   node --import tsx scripts/train-lora.ts --run base-v1 --name lora-v2 --data ../../datasets/v2/train.jsonl \
 *     [--validation …/validation.jsonl] [--base models/runs/base-v1/nomen-base.gguf] [--tokens 500000] [--lr 1e-3] [--rank 8] [--resume]
 *   … --init-from <lora ckpt>   (warm start: that checkpoint's adapter, fresh AdamW and schedule)
 *   … --decision-weight 20      (loss weight of each answer's refuse-or-answer token; default 1)
 *   … --answer-weight 0         (loss weight of the other answer tokens; 0 trains the decisions alone; default 1)
 *   … --export-only --checkpoint <ckpt> --out <adapter.gguf>   (same --rank/--alpha as the run)
 * Output: models/runs/<run>/<name>/nomen-lora.gguf, loss.jsonl; checkpoints in models/checkpoints/<run>-<name>/.
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { exportLoraCheckpoint, runPaths, trainLora } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    name: { type: "string", default: "lora-v2" },
    data: { type: "string" },
    validation: { type: "string" },
    base: { type: "string" },
    tokens: { type: "string", default: "500000" },
    lr: { type: "string", default: "1e-3" },
    rank: { type: "string", default: "8" },
    alpha: { type: "string", default: "16" },
    batch: { type: "string", default: "16" },
    "micro-batch": { type: "string", default: "4" },
    resume: { type: "boolean", default: false },
    "export-only": { type: "boolean", default: false },
    checkpoint: { type: "string" },
    "init-from": { type: "string" },
    "decision-weight": { type: "string", default: "1" },
    "answer-weight": { type: "string", default: "1" },
    out: { type: "string" },
    "models-dir": { type: "string" },
  },
});
const paths = runPaths(values.run, values["models-dir"]);
const outDir = join(paths.runDir, values.name);
const lora = { rank: Number(values.rank), alpha: Number(values.alpha) };
if (values["export-only"]) {
  // The adapter of a checkpoint while the run trains: --export-only --checkpoint <ckpt> --out <gguf>
  if (!values.checkpoint || !values.out) throw new Error("--export-only needs --checkpoint <ckpt> and --out <gguf>");
  const base = values.base ?? paths.baseGguf;
  const bytes = await exportLoraCheckpoint({
    basePath: base,
    checkpoint: values.checkpoint,
    outPath: values.out,
    lora,
  });
  console.log(`${values.out} ${bytes} bytes`);
  process.exit(0);
}
if (!values.data) throw new Error("--data <train.jsonl> is required");
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort(new Error(signal)));
const { result, bytes } = await trainLora({
  basePath: values.base ?? paths.baseGguf,
  trainPath: resolve(values.data),
  validationPath: values.validation ? resolve(values.validation) : undefined,
  outPath: join(outDir, "nomen-lora.gguf"),
  checkpointDir: join(paths.checkpointDir, "..", `${paths.run}-${values.name}`),
  lossLog: join(outDir, "loss.jsonl"),
  lora,
  tokenBudget: Number(values.tokens),
  learningRate: Number(values.lr),
  batchSize: Number(values.batch),
  microBatchSize: Number(values["micro-batch"]),
  resume: values.resume,
  initFrom: values["init-from"],
  decisionWeight: Number(values["decision-weight"]),
  answerWeight: Number(values["answer-weight"]),
  signal: controller.signal,
  log: (line) => console.log(line),
  onProgress: (p) =>
    console.log(
      `step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)}${p.validationLoss === undefined ? "" : ` val ${p.validationLoss.toFixed(4)}`} tokens ${p.tokensSeen} ${Math.round(p.tokensPerSecond)} tok/s eta ${Math.round(p.etaSeconds)} s`,
    ),
});
console.log(
  `done: ${result.steps} steps, best val ${result.bestValidationLoss?.toFixed(4)}; ${join(outDir, "nomen-lora.gguf")} ${bytes} bytes`,
);
