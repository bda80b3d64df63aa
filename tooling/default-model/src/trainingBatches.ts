import type { Tokenizer } from "@nomen/core-tokenizer";
import { type PreparedDataset, prepareDataset } from "@nomen/lora-trainer";
import { stepsForTokenBudget } from "./baseModelConfig.js";
import { InvalidPipelineOptionsError } from "./errors.js";
import { weightDecisionTokens } from "./weightDecisionTokens.js";

/** Batch lengths are padded to a multiple of this. */
const PAD_MULTIPLE = 8;

/** Micro-batches per optimizer step; throws unless `batchSize` is a positive multiple of `microBatchSize`. */
export function accumulationSteps(batchSize: number, microBatchSize: number): number {
  if (!Number.isInteger(batchSize / microBatchSize) || microBatchSize < 1)
    throw new InvalidPipelineOptionsError(
      `batchSize must be a multiple of microBatchSize: got ${batchSize} and ${microBatchSize}`,
    );
  return batchSize / microBatchSize;
}

/** Options for {@link trainingBatches}. */
export interface TrainingBatchesOptions {
  trainPath: string;
  /** Defaults to 10% of `trainPath` (prepareDataset's split). */
  validationPath?: string;
  tokenizer: Tokenizer;
  maxLength: number;
  microBatchSize: number;
  /** From {@link accumulationSteps}. */
  gradAccumulation: number;
  /** Non-pad tokens to train on; sets the number of steps. */
  tokenBudget: number;
  seed: number;
  /**
   * Reweights the training answers' decision tokens (`weightDecisionTokens`) unless both weights are 1; validation
   * stays unweighted. Defaults to no reweighting.
   */
  decision?: { weight: number; answerWeight?: number };
  signal?: AbortSignal;
}

/**
 * The micro-batches both trainers use (examples over `maxLength` skipped and counted, padded to a multiple of 8),
 * the mean tokens per optimizer step, and the steps the token budget buys.
 */
export async function trainingBatches(
  options: TrainingBatchesOptions,
): Promise<{ data: PreparedDataset; tokensPerStep: number; steps: number; decisionsWeighted: number }> {
  const data = await prepareDataset({
    path: options.trainPath,
    validationPath: options.validationPath,
    tokenizer: options.tokenizer,
    maxLength: options.maxLength,
    overflow: "skip",
    batchSize: options.microBatchSize,
    padMultiple: PAD_MULTIPLE,
    seed: options.seed,
    signal: options.signal,
  });
  const { weight = 1, answerWeight = 1 } = options.decision ?? {};
  const decisionsWeighted =
    weight !== 1 || answerWeight !== 1
      ? weightDecisionTokens({
          batches: data.train,
          tokenizer: options.tokenizer,
          padId: data.padId,
          padMultiple: PAD_MULTIPLE,
          weight,
          answerWeight,
        })
      : 0;
  const tokensPerStep = (options.gradAccumulation * data.train.reduce((n, b) => n + b.tokens, 0)) / data.train.length;
  return { data, tokensPerStep, steps: stepsForTokenBudget(options.tokenBudget, tokensPerStep), decisionsWeighted };
}
