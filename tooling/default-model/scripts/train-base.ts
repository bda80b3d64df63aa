/**
 * Trains the base model from scratch on a prepared run, with checkpoints, then writes models/runs/<run>/nomen-base.gguf.
 *   node --import tsx scripts/train-base.ts --run base-v1 [--tokens 3000000] [--resume] [--batch 16] [--micro-batch 4]
 *   node --import tsx scripts/train-base.ts --run base-v1b --tokens 2000000 --lr 1e-3 --init-from ../../models/checkpoints/base-v1/step-0000633.ckpt
 *   … --decision-weight 20   (loss weight of each answer's refuse-or-answer token; default 1)
 *   node --import tsx scripts/train-base.ts --run base-v1 --export-only [--checkpoint file.ckpt] [--out file.gguf]
 *   … --dim 160 --layers 4 --heads 5 --ffn 640   (another shape than BASE_MODEL_SHAPE; give the same flags to --export-only)
 * First SIGINT/SIGTERM: stop after the next checkpoint; a second one: stop now (resume from the previous checkpoint).
 */
import { parseArgs } from "node:util";
import { latestCheckpoint } from "@nomen/lora-trainer";
import { exportBase, PipelineInputError, runPaths, trainBase } from "../src/index.js";

const { values } = parseArgs({
  options: {
    run: { type: "string", default: "base-v1" },
    tokens: { type: "string", default: "3000000" },
    batch: { type: "string", default: "16" },
    "micro-batch": { type: "string", default: "4" },
    "max-length": { type: "string", default: "512" },
    "checkpoint-every": { type: "string", default: "10" },
    "eval-every": { type: "string", default: "50" },
    resume: { type: "boolean", default: false },
    "init-from": { type: "string" },
    lr: { type: "string", default: "3e-3" },
    "export-only": { type: "boolean", default: false },
    checkpoint: { type: "string" },
    out: { type: "string" },
    type: { type: "string", default: "F16" },
    seed: { type: "string", default: "1" },
    "decision-weight": { type: "string", default: "1" },
    "models-dir": { type: "string" },
    dim: { type: "string" },
    layers: { type: "string" },
    heads: { type: "string" },
    "kv-heads": { type: "string" },
    ffn: { type: "string" },
  },
});
// Only the flags given override BASE_MODEL_SHAPE; kv heads follow heads unless set.
const shapeFlag = (name: "dim" | "layers" | "heads" | "kv-heads" | "ffn") => {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new PipelineInputError(`train-base: --${name} expects a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
};
const heads = shapeFlag("heads");
const shape = Object.fromEntries(
  Object.entries({
    dim: shapeFlag("dim"),
    layers: shapeFlag("layers"),
    heads,
    kvHeads: shapeFlag("kv-heads") ?? heads,
    ffnDim: shapeFlag("ffn"),
  }).filter(([, value]) => value !== undefined),
);
const paths = runPaths(values.run, values["models-dir"]);
const type = values.type as "F32" | "F16" | "Q8_0";

if (values["export-only"]) {
  const checkpoint = values.checkpoint ?? (await latestCheckpoint(paths.checkpointDir));
  if (!checkpoint) throw new PipelineInputError(`no checkpoint in ${paths.checkpointDir}. Hint: train first.`);
  const { path, bytes } = await exportBase({ paths, checkpoint, type, path: values.out, shape });
  console.log(`exported ${checkpoint} → ${path} (${bytes} bytes, ${type})`);
  process.exit(0);
}

const controller = new AbortController();
let stopAtCheckpoint = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopAtCheckpoint) controller.abort(new Error(`${signal} twice`));
    stopAtCheckpoint = true;
    console.log(`${signal}: stopping after the next checkpoint (send again to stop now)`);
  });

const started = Date.now();
const fmt = (s: number) => `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
try {
  const { model, result } = await trainBase({
    paths,
    tokenBudget: Number(values.tokens),
    batchSize: Number(values.batch),
    microBatchSize: Number(values["micro-batch"]),
    maxLength: Number(values["max-length"]),
    checkpointEvery: Number(values["checkpoint-every"]),
    evalEvery: Number(values["eval-every"]),
    resume: values.resume,
    initFrom: values["init-from"],
    learningRate: Number(values.lr),
    seed: Number(values.seed),
    decisionWeight: Number(values["decision-weight"]),
    shape,
    signal: controller.signal,
    log: (line) => console.log(line),
    onProgress: (p) =>
      console.log(
        `step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)}${p.validationLoss === undefined ? "" : ` val ${p.validationLoss.toFixed(4)}`} lr ${p.lr.toExponential(2)} tokens ${p.tokensSeen} ${Math.round(p.tokensPerSecond)} tok/s eta ${fmt(p.etaSeconds)}`,
      ),
    onCheckpoint: (path, step) => {
      console.log(`checkpoint ${step} → ${path}`);
      if (stopAtCheckpoint) controller.abort(new Error("stop requested"));
    },
  });
  const { path, bytes } = await exportBase({ paths, model, type, shape });
  model.dispose();
  console.log(
    `done: ${result.steps} steps in ${fmt((Date.now() - started) / 1000)}; final loss ${result.losses.at(-1)?.toFixed(4)}, best val ${result.bestValidationLoss?.toFixed(4)}; ${path} ${bytes} bytes`,
  );
} catch (error) {
  if (controller.signal.aborted) {
    console.log(`stopped: ${(error as Error).message}. Resume with --resume.`);
    process.exit(130);
  }
  throw error;
}
