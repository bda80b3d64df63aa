import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { loadGgufTokenizer } from "@nomen/core-tokenizer";
import {
  type DecoderModel,
  exportGgufAdapter,
  exportPeftAdapter,
  LoraAdapter,
  latestCheckpoint,
  loadModel,
  type PreparedDataset,
  prepareDataset,
  type TrainingProgress,
  type TrainResult,
  train,
  writeFileAtomic,
} from "@nomen/lora-trainer";
import { MissingDependencyError, UsageError } from "../errors.js";
import type { LoraTrainOptions } from "./trainOptions.js";

/** What a LoRA run reports while it works (the Ink view and the plain printer both read these). */
export interface TrainEvents {
  /** Phase changes: load, data, train, export. */
  onPhase?: (phase: "load" | "data" | "train" | "export", detail: string) => void;
  onProgress?: (progress: TrainingProgress) => void;
  onCheckpoint?: (path: string, step: number) => void;
  /** Informational lines (backend, memory, trainable parameters, dataset report). */
  log?: (line: string) => void;
}

/** Where a finished run put its files. */
export interface LoraTrainOutput {
  adapter: string;
  peftDir: string;
  trainLog: string;
  checkpointDir: string;
  result: TrainResult;
}

/**
 * `nomen train lora`: base GGUF + JSONL → validated, tokenized batches → LoRA trained with `@nomen/lora-trainer`'s
 * `train` (checkpoints in `<out>/checkpoints`) → `<out>/adapter.gguf`, `<out>/peft/`, `<out>/train-log.json`.
 * Files are checked before anything loads; `signal` stops training at the next micro-batch (`AbortError`).
 */
/** The base model and the batches, loaded and validated before any training starts. */
export async function loadTrainingData(
  options: Pick<LoraTrainOptions, "base" | "data" | "val" | "maxLength" | "batchSize" | "seed">,
  events: TrainEvents,
  signal?: AbortSignal,
): Promise<{ model: DecoderModel; dataset: PreparedDataset }> {
  for (const [flag, path] of [
    ["--base", options.base],
    ["--data", options.data],
    ["--val", options.val],
  ] as const) {
    if (path !== undefined && !existsSync(path)) throw new MissingDependencyError(`${flag} ${path} does not exist.`);
  }
  const log = events.log ?? (() => {});
  events.onPhase?.("load", options.base);
  const model = await loadModel({ path: options.base, log, signal });
  try {
    const tokenizer = await loadGgufTokenizer(options.base, { signal });
    events.onPhase?.("data", options.data);
    const dataset = await prepareDataset({
      path: options.data,
      validationPath: options.val,
      tokenizer,
      maxLength: Math.min(options.maxLength, model.config.contextLength),
      batchSize: options.batchSize,
      seed: options.seed,
      signal,
    });
    const { train: report } = dataset.report;
    log(
      `data: ${dataset.format}, ${dataset.trainExamples.length} train / ${dataset.validationExamples.length} validation examples, ` +
        `${dataset.train.length} batches; truncated ${report.truncated}, skipped ${report.skipped}`,
    );
    return { model, dataset };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

export async function runLoraTraining(
  options: LoraTrainOptions,
  events: TrainEvents = {},
  signal?: AbortSignal,
): Promise<LoraTrainOutput> {
  const log = events.log ?? (() => {});
  const checkpointDir = join(options.out, "checkpoints");
  if (options.resume && !(await latestCheckpoint(checkpointDir).catch(() => undefined))) {
    throw new UsageError(`--resume: no checkpoint in ${checkpointDir} to resume from.`);
  }

  const { model, dataset } = await loadTrainingData(options, events, signal);
  try {
    const adapter = LoraAdapter.create(model, { rank: options.rank, alpha: options.alpha, seed: options.seed, log });
    await mkdir(checkpointDir, { recursive: true });
    events.onPhase?.("train", `${dataset.train.length} batches`);
    const result = await train({
      model,
      adapter,
      trainBatches: dataset.train,
      validationBatches: dataset.validation,
      args: {
        learningRate: options.lr,
        epochs: options.epochs,
        iters: options.maxSteps ?? null,
        gradAccumulation: options.gradAccum,
        checkpointEvery: options.checkpointEvery,
        // The trainer's default warmup (10 steps) would outlast a short run: cap it at a tenth of the steps.
        warmupSteps: Math.min(
          10,
          Math.floor((options.maxSteps ?? Math.ceil((options.epochs * dataset.train.length) / options.gradAccum)) / 10),
        ),
        seed: options.seed,
      },
      checkpointDir,
      resume: options.resume,
      signal,
      onProgress: events.onProgress,
      onCheckpoint: events.onCheckpoint,
    });
    // Training is done: a Ctrl-C from here on would lose it, so the export (a second or two) is not abortable.
    events.onPhase?.("export", options.out);
    const adapterPath = join(options.out, "adapter.gguf");
    const peftDir = join(options.out, "peft");
    await exportGgufAdapter(adapter, { path: adapterPath });
    await exportPeftAdapter(adapter, { dir: peftDir, baseModel: options.base });
    const trainLog = join(options.out, "train-log.json");
    await writeFileAtomic(trainLog, `${JSON.stringify({ options, ...result }, null, 2)}\n`);
    return { adapter: adapterPath, peftDir, trainLog, checkpointDir, result };
  } finally {
    model.dispose();
  }
}
