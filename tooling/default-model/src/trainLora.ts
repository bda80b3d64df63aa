import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { loadGgufTokenizer } from "@nomen/core-tokenizer";
import {
  exportGgufAdapter,
  LoraAdapter,
  type LoraOptions,
  loadModel,
  loraTrainable,
  type TrainingProgress,
  type TrainResult,
  train,
} from "@nomen/lora-trainer";
import { loadCheckpointWeights } from "./loadCheckpointWeights.js";
import { accumulationSteps, trainingBatches } from "./trainingBatches.js";

/** Options for {@link trainLora}. */
export interface TrainLoraOptions {
  /** The base GGUF (e.g. models/runs/base-v1/nomen-base.gguf). */
  basePath: string;
  /** Training JSONL (chat records, e.g. dataset v2). */
  trainPath: string;
  /** Validation JSONL. Defaults to 10% of `trainPath`. */
  validationPath?: string;
  /** Where the adapter GGUF goes (written atomically). */
  outPath: string;
  /** Where checkpoints go. Defaults to none. */
  checkpointDir?: string;
  /** One JSON line per step. Defaults to none. */
  lossLog?: string;
  /** Defaults to rank 8, alpha 16, dropout 0.05, all seven projections (the tiny base has few weights to adapt). */
  lora?: LoraOptions;
  /** Non-pad tokens to train on. Defaults to 500,000. */
  tokenBudget?: number;
  /** Defaults to 1e-3. */
  learningRate?: number;
  /** Sequences per step. Defaults to 16. */
  batchSize?: number;
  /** Sequences per forward pass (see `trainBase`). Defaults to 4. */
  microBatchSize?: number;
  /** Defaults to 512. */
  maxLength?: number;
  /** Defaults to 20. */
  checkpointEvery?: number;
  /** Defaults to 50. */
  evalEvery?: number;
  /** Defaults to false. */
  resume?: boolean;
  /**
   * Start from this LoRA checkpoint's weights (same rank and targets) with a fresh optimizer and schedule: a longer
   * budget without retraining. Defaults to none (B = 0, the adapter starts as a no-op).
   */
  initFrom?: string;
  /**
   * Loss weight of each training answer's decision token, refuse (`]`) or answer (`"`), relative to the other answer
   * tokens (`weightDecisionTokens`); validation loss stays unweighted. Defaults to 1.
   */
  decisionWeight?: number;
  /** Loss weight of the other answer tokens; 0 trains the decisions alone, on batches cut after them. Defaults to 1. */
  answerWeight?: number;
  /** Defaults to 1. */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress & { tokensSeen: number }) => void;
  /** Defaults to `console.error`. */
  log?: (line: string) => void;
}

const ALL_TARGETS = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"] as const;

/**
 * LoRA fine-tune of the base on a dataset (issue 7's v1 → v2 step): the base's own GGUF vocabulary, assistant-only
 * loss, AdamW with 5% warmup and cosine decay, then the adapter as a llama.cpp LoRA GGUF (`nomen-lora.gguf`).
 */
export async function trainLora(
  options: TrainLoraOptions,
): Promise<{ result: TrainResult; bytes: number; tokensPerStep: number }> {
  const { seed = 1 } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  const batchSize = options.batchSize ?? 16;
  const microBatchSize = options.microBatchSize ?? 4;
  const gradAccumulation = accumulationSteps(batchSize, microBatchSize);
  const tokenizer = await loadGgufTokenizer(options.basePath);
  const decisionWeight = options.decisionWeight ?? 1;
  const answerWeight = options.answerWeight ?? 1;
  const { data, tokensPerStep, steps, decisionsWeighted } = await trainingBatches({
    trainPath: options.trainPath,
    validationPath: options.validationPath,
    tokenizer,
    maxLength: options.maxLength ?? 512,
    microBatchSize,
    gradAccumulation,
    tokenBudget: options.tokenBudget ?? 500_000,
    seed,
    decision: { weight: decisionWeight, answerWeight },
    signal: options.signal,
  });
  if (decisionsWeighted > 0)
    log(
      `default-model: decision token ×${decisionWeight}, other answer tokens ×${answerWeight}, in ${decisionsWeighted} of ${data.report.train.kept} examples`,
    );
  const model = await loadModel({ path: options.basePath, log, signal: options.signal });
  const adapter = LoraAdapter.create(model, {
    rank: 8,
    alpha: 16,
    targets: [...ALL_TARGETS],
    ...options.lora,
    seed,
    log,
  });
  if (options.initFrom) {
    await loadCheckpointWeights(loraTrainable(adapter), options.initFrom);
    log(`default-model: LoRA weights from ${options.initFrom}`);
  }
  log(
    `default-model: LoRA ${data.report.train.kept} examples, ${Math.round(tokensPerStep)} tokens/step → ${steps} steps`,
  );
  if (options.lossLog) await mkdir(dirname(options.lossLog), { recursive: true });
  try {
    const learningRate = options.learningRate ?? 1e-3;
    const result = await train({
      model,
      adapter,
      trainBatches: data.train,
      validationBatches: data.validation,
      args: {
        learningRate,
        minLearningRate: learningRate * 0.1,
        warmupSteps: Math.max(1, Math.round(steps * 0.05)),
        decay: "cosine",
        iters: steps,
        gradAccumulation,
        maxGradNorm: 1,
        evalEvery: options.evalEvery ?? 50,
        checkpointEvery: options.checkpointEvery ?? 20,
        keepCheckpoints: 3,
        seed,
      },
      checkpointDir: options.checkpointDir,
      resume: options.resume ?? false,
      signal: options.signal,
      onProgress: (progress) => {
        const tokensSeen = Math.round(progress.step * tokensPerStep);
        const lossLog = options.lossLog;
        if (lossLog)
          void appendFile(lossLog, `${JSON.stringify({ ...progress, tokensSeen, time: new Date().toISOString() })}\n`);
        options.onProgress?.({ ...progress, tokensSeen });
      },
    });
    await mkdir(dirname(options.outPath), { recursive: true });
    const bytes = await exportGgufAdapter(adapter, { path: options.outPath, name: "nomen LoRA adapter" });
    return { result, bytes, tokensPerStep };
  } finally {
    adapter.dispose();
    model.dispose();
  }
}

/** Options for {@link exportLoraCheckpoint}. */
export interface ExportLoraCheckpointOptions {
  basePath: string;
  /** A checkpoint written by {@link trainLora}. */
  checkpoint: string;
  outPath: string;
  /** The adapter shape the run was trained with. Defaults to {@link trainLora}'s. */
  lora?: LoraOptions;
  log?: (line: string) => void;
}

/** Writes the adapter GGUF of a LoRA checkpoint, so a run can be evaluated while it trains. Returns its bytes. */
export async function exportLoraCheckpoint(options: ExportLoraCheckpointOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.error(line));
  const model = await loadModel({ path: options.basePath, log });
  const adapter = LoraAdapter.create(model, { rank: 8, alpha: 16, targets: [...ALL_TARGETS], ...options.lora, log });
  try {
    await loadCheckpointWeights(loraTrainable(adapter), options.checkpoint);
    await mkdir(dirname(options.outPath), { recursive: true });
    return await exportGgufAdapter(adapter, { path: options.outPath, name: "nomen LoRA adapter" });
  } finally {
    adapter.dispose();
    model.dispose();
  }
}
