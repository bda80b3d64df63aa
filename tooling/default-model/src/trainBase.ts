import { appendFile, mkdir } from "node:fs/promises";
import { FullModel, type FullModelOptions, type TrainingProgress, type TrainResult, train } from "@nomen/lora-trainer";
import { BASE_MODEL_SHAPE, BASE_TRAINING } from "./baseModelConfig.js";
import { loadCheckpointWeights } from "./loadCheckpointWeights.js";
import { loadRunTokenizer } from "./loadRunTokenizer.js";
import type { RunPaths } from "./runPaths.js";
import { accumulationSteps, trainingBatches } from "./trainingBatches.js";

/** Options for {@link trainBase}. */
export interface TrainBaseOptions {
  paths: RunPaths;
  /** Non-pad tokens to train on (prompt included). Defaults to 3,000,000. */
  tokenBudget?: number;
  /** Sequences per optimizer step. Defaults to 16. */
  batchSize?: number;
  /**
   * Sequences per forward/backward pass; `batchSize / microBatchSize` passes are accumulated per step. Attention is
   * materialized, so activations grow with seqLen²: 16 × 512 tokens would need ~6 GiB of the 4 GiB wasm heap
   * (`estimateTrainingMemory`), 4 × 512 about 1.6 GiB. Defaults to 4.
   */
  microBatchSize?: number;
  /** Longest example in tokens; longer ones are skipped. Defaults to 512. */
  maxLength?: number;
  /** Model shape overrides (tiny test runs). Defaults to {@link BASE_MODEL_SHAPE}. */
  shape?: Partial<Omit<FullModelOptions, "vocabSize">>;
  /** Defaults to 3e-3. */
  learningRate?: number;
  /** Defaults to 10. */
  checkpointEvery?: number;
  /** Defaults to 50. */
  evalEvery?: number;
  /**
   * Start from this checkpoint's weights (e.g. another run's last step) with fresh optimizer state and this run's
   * schedule: a longer budget without retraining from scratch. Ignored when resuming. Defaults to random init.
   */
  initFrom?: string;
  /** Continue from the newest checkpoint in `paths.checkpointDir`. Defaults to false. */
  resume?: boolean;
  /** Defaults to 1. */
  seed?: number;
  /** Loss weight of each answer's refuse-or-answer token (`weightDecisionTokens`). Defaults to 1. */
  decisionWeight?: number;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress & { tokensSeen: number }) => void;
  onCheckpoint?: (path: string, step: number) => void;
  /** Backend and setup lines. Defaults to `console.error`. */
  log?: (line: string) => void;
}

/** The trained model (caller disposes) and the loop's result. */
export interface TrainBaseResult {
  model: FullModel;
  result: TrainResult;
  tokensPerStep: number;
}

/**
 * Trains the base model from scratch on a prepared run: byte-level tokens, loss on the assistant turns, AdamW with
 * 5% warmup and cosine decay to 10%, the number of steps set by the token budget. Appends one JSON line per step to
 * `loss.jsonl` and checkpoints to `checkpointDir` (resume with `resume: true`; the run repeats bit for bit).
 */
export async function trainBase(options: TrainBaseOptions): Promise<TrainBaseResult> {
  const { paths, seed = 1 } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  const batchSize = options.batchSize ?? BASE_TRAINING.batchSize;
  const microBatchSize = options.microBatchSize ?? BASE_TRAINING.microBatchSize;
  const gradAccumulation = accumulationSteps(batchSize, microBatchSize);
  const maxLength = options.maxLength ?? BASE_TRAINING.maxLength;
  const tokenizer = await loadRunTokenizer(paths.vocabulary);
  const { data, tokensPerStep, steps } = await trainingBatches({
    trainPath: paths.train,
    validationPath: paths.validation,
    tokenizer,
    maxLength,
    microBatchSize,
    gradAccumulation,
    tokenBudget: options.tokenBudget ?? BASE_TRAINING.tokenBudget,
    seed,
    decision: { weight: options.decisionWeight ?? 1 },
    signal: options.signal,
  });
  const { train: report } = data.report;
  log(
    `default-model: ${report.kept} examples (${report.skipped} over ${maxLength} tokens skipped), ${data.train.length} micro-batches of ${microBatchSize} (${gradAccumulation} per step), ${Math.round(tokensPerStep)} tokens/step → ${steps} steps`,
  );
  const shape = { ...BASE_MODEL_SHAPE, ...options.shape };
  const model = await FullModel.create({ ...shape, vocabSize: tokenizer.vocabulary.tokens.length, seed, log });
  if (options.initFrom && !options.resume) {
    await loadCheckpointWeights(model, options.initFrom);
    log(`default-model: weights from ${options.initFrom}`);
  }
  await mkdir(paths.runDir, { recursive: true });
  const learningRate = options.learningRate ?? BASE_TRAINING.learningRate;
  try {
    const result = await train({
      fullModel: model,
      trainBatches: data.train,
      validationBatches: data.validation,
      args: {
        learningRate,
        minLearningRate: learningRate * BASE_TRAINING.minLearningRateRatio,
        warmupSteps: Math.max(1, Math.round(steps * BASE_TRAINING.warmupShare)),
        decay: "cosine",
        iters: steps,
        gradAccumulation,
        maxGradNorm: BASE_TRAINING.maxGradNorm,
        weightDecay: BASE_TRAINING.weightDecay,
        beta1: BASE_TRAINING.beta1,
        beta2: BASE_TRAINING.beta2,
        evalEvery: options.evalEvery ?? BASE_TRAINING.evalEvery,
        checkpointEvery: options.checkpointEvery ?? BASE_TRAINING.checkpointEvery,
        keepCheckpoints: 3,
        seed,
      },
      checkpointDir: paths.checkpointDir,
      resume: options.resume ?? false,
      signal: options.signal,
      onCheckpoint: options.onCheckpoint,
      onProgress: (progress) => {
        const tokensSeen = Math.round(progress.step * tokensPerStep);
        const line = { ...progress, tokensSeen, time: new Date().toISOString() };
        // Fire and forget keeps the loop moving; appends are ordered by the event loop.
        void appendFile(paths.lossLog, `${JSON.stringify(line)}\n`);
        options.onProgress?.({ ...progress, tokensSeen });
      },
    });
    return { model, result, tokensPerStep };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
