import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  type DecoderConfig,
  estimateTrainingMemory,
  FullModel,
  formatBytes,
  fullModelConfig,
  latestCheckpoint,
  PROJECTIONS,
  prepareDataset,
  projectionShape,
  type TrainResult,
  train,
  WASM_HEAP_LIMIT_BYTES,
  writeFileAtomic,
  writeFullModelGguf,
} from "@nomen/lora-trainer";
import { MissingDependencyError, UsageError } from "../errors.js";
import { baseTokenizer } from "./baseTokenizer.js";
import { type BaseTrainOptions, ffnWidth } from "./baseTrainOptions.js";
import type { TrainEvents } from "./runLoraTraining.js";

/** Where a finished `nomen train base` run put its files. */
export interface BaseTrainOutput {
  model: string;
  vocabulary: string;
  trainLog: string;
  checkpointDir: string;
  parameters: number;
  result: TrainResult;
}

/**
 * `nomen train base`: JSONL → tokenizer (`--vocab`) → length-sorted, padded batches (longer examples skipped and
 * counted) → a randomly initialised {@link FullModel} trained with `@nomen/lora-trainer`'s `train` (AdamW, 5% warmup,
 * cosine decay to 10%, clipping 1.0, checkpoints in `<out>/checkpoints`) → `<out>/model.gguf` (llama.cpp-loadable),
 * `<out>/vocabulary.json`, `<out>/train-log.json`. Inputs and the memory of one step are checked before training;
 * `signal` checkpoints the last finished step and rejects with `AbortError`.
 */
export async function runBaseTraining(
  options: BaseTrainOptions,
  events: TrainEvents = {},
  signal?: AbortSignal,
): Promise<BaseTrainOutput> {
  const log = events.log ?? (() => {});
  for (const [flag, path] of [
    ["--data", options.data],
    ["--validation", options.validation],
  ] as const) {
    if (path !== undefined && !existsSync(path)) throw new MissingDependencyError(`${flag} ${path} does not exist.`);
  }
  const checkpointDir = join(options.out, "checkpoints");
  if (options.resume && !(await latestCheckpoint(checkpointDir).catch(() => undefined))) {
    throw new UsageError(`--resume: no checkpoint in ${checkpointDir} to resume from.`);
  }
  await mkdir(checkpointDir, { recursive: true });

  events.onPhase?.("data", options.data);
  const tokenizer = await baseTokenizer(options.vocab, { ...options, signal });
  const dataset = await prepareDataset({
    path: options.data,
    validationPath: options.validation,
    tokenizer,
    maxLength: options.maxLength,
    overflow: "skip",
    batchSize: options.batchSize,
    padMultiple: 8,
    seed: options.seed,
    signal,
  });
  const { train: report } = dataset.report;
  const tokensPerBatch = dataset.train.reduce((n, b) => n + b.tokens, 0) / dataset.train.length;
  const steps = options.maxSteps ?? Math.max(1, Math.ceil(options.tokens / (tokensPerBatch * options.gradAccum)));
  log(
    `data: ${dataset.format}, ${dataset.trainExamples.length} train / ${dataset.validationExamples.length} validation examples ` +
      `(${report.skipped} over ${options.maxLength} tokens skipped), ${dataset.train.length} batches of ${options.batchSize}, ` +
      `${Math.round(tokensPerBatch * options.gradAccum)} tokens/step → ${steps} steps; vocabulary ${tokenizer.vocabulary.tokens.length} tokens`,
  );

  events.onPhase?.("load", `${options.architecture} dim ${options.dim} × ${options.layers} layers`);
  const shape = {
    architecture: options.architecture,
    vocabSize: tokenizer.vocabulary.tokens.length,
    dim: options.dim,
    layers: options.layers,
    heads: options.heads,
    kvHeads: options.kvHeads ?? options.heads,
    ffnDim: ffnWidth(options),
    contextLength: options.maxLength,
  };
  assertStepFits(fullModelConfig(shape), [...dataset.train, ...dataset.validation]);
  const model = await FullModel.create({ ...shape, seed: options.seed, log });
  try {
    const parameters = model.parameters.reduce((n, p) => n + p.variable.size, 0);
    const learningRate = options.lr;
    events.onPhase?.("train", `${steps} steps`);
    const result = await train({
      fullModel: model,
      trainBatches: dataset.train,
      validationBatches: dataset.validation,
      args: {
        learningRate,
        minLearningRate: learningRate / 10,
        warmupSteps: Math.max(1, Math.round(steps / 20)),
        decay: "cosine",
        iters: steps,
        gradAccumulation: options.gradAccum,
        maxGradNorm: 1,
        weightDecay: 0.1,
        beta2: 0.95,
        evalEvery: options.evalEvery,
        checkpointEvery: options.checkpointEvery,
        keepCheckpoints: 3,
        seed: options.seed,
      },
      checkpointDir,
      resume: options.resume,
      checkpointOnAbort: true,
      signal,
      onProgress: events.onProgress,
      onCheckpoint: events.onCheckpoint,
    });
    // Training is done: a Ctrl-C from here on would lose it, so the export (about a second) is not abortable.
    events.onPhase?.("export", options.out);
    const modelPath = join(options.out, "model.gguf");
    await writeFullModelGguf(model, { path: modelPath, tokenizer, type: options.type });
    const trainLog = join(options.out, "train-log.json");
    await writeFileAtomic(trainLog, `${JSON.stringify({ options, parameters, ...result }, null, 2)}\n`);
    return {
      model: modelPath,
      vocabulary: join(options.out, "vocabulary.json"),
      trainLog,
      checkpointDir,
      parameters,
      result,
    };
  } finally {
    model.dispose();
  }
}

/**
 * Refuses a run whose step would overflow the wasm heap, with the numbers, before any weight is allocated (wasm
 * aborts the process instead of throwing). Weights: the tied embedding and the projections (norms and biases are
 * noise); each is held once more as XNNPACK's packed copy.
 */
function assertStepFits(config: DecoderConfig, batches: { batchSize: number; seqLen: number }[]): void {
  const perLayer = PROJECTIONS.reduce((n, p) => n + projectionShape(config, p).reduce((a, b) => a * b, 1), 0);
  const parameters = config.vocabSize * config.dim + config.layers * perLayer;
  const weightBytes = parameters * 4;
  const report = estimateTrainingMemory({
    config,
    memory: {
      backend: "wasm",
      fileBytesByType: {},
      parameters,
      weightBytes,
      packedBytes: weightBytes,
      workingBytes: 0,
      totalBytes: 2 * weightBytes,
      limitBytes: WASM_HEAP_LIMIT_BYTES,
      fits: true,
    },
    batchSize: Math.max(...batches.map((b) => b.batchSize)),
    seqLen: Math.max(...batches.map((b) => b.seqLen)),
    trainableParameters: parameters,
  });
  if (!report.fits) {
    throw new UsageError(
      `nomen train base: one step needs ~${formatBytes(report.totalBytes)} (model ${formatBytes(report.modelBytes)}, ` +
        `optimizer ${formatBytes(report.optimizerBytes)}, activations ${formatBytes(report.activationBytes)}) but the wasm heap has ` +
        `${formatBytes(report.limitBytes)}. Hint: lower --batch-size (raise --grad-accum instead), --max-length or the model size.`,
    );
  }
}
