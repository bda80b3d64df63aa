import type { FullModelOptions } from "@nomen/lora-trainer";

/**
 * The v1 base model: qwen2, dim 128, 4 layers, 4 heads, SwiGLU 352, tied embeddings — about 0.84M parameters at the
 * 259-token byte vocabulary, the size that learned to copy unseen words in the byte-level probe
 * (facts/tiny-model-sizing.md). Context 512 bytes: datasets/v1's 99th percentile example is 695 bytes with the
 * system prompt, 98% fit in 512 and the rest are skipped; generation needs ~200 bytes of prompt + ~200 of answer.
 */
export const BASE_MODEL_SHAPE = {
  architecture: "qwen2",
  dim: 128,
  layers: 4,
  heads: 4,
  kvHeads: 4,
  ffnDim: 352,
  contextLength: 512,
  tiedEmbeddings: true,
} as const satisfies Omit<FullModelOptions, "vocabSize">;

/** Training hyper-parameters of the v1 base run (the probe's: AdamW 3e-3, 0.9/0.95, wd 0.1, 5% warmup, cosine to 10%). */
export const BASE_TRAINING = {
  learningRate: 3e-3,
  minLearningRateRatio: 0.1,
  warmupShare: 0.05,
  beta1: 0.9,
  beta2: 0.95,
  weightDecay: 0.1,
  maxGradNorm: 1,
  batchSize: 16,
  microBatchSize: 4,
  tokenBudget: 3_000_000,
  maxLength: 512,
  checkpointEvery: 10,
  evalEvery: 50,
} as const;

/** Optimizer steps that consume about `tokenBudget` non-pad tokens at `tokensPerStep` (at least 1). */
export function stepsForTokenBudget(tokenBudget: number, tokensPerStep: number): number {
  return Math.max(1, Math.round(tokenBudget / Math.max(1, tokensPerStep)));
}
