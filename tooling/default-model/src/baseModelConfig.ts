import type { FullModelOptions } from "@nomen/lora-trainer";

/**
 * The v1 base model: qwen2, dim 128, 4 layers, 4 heads, SwiGLU 352, tied embeddings — about 0.84M parameters at the
 * 259-token byte vocabulary, the size that learned to copy unseen words in the byte-level probe
 * (facts/tiny-model-sizing.md). Training sees at most 512 tokens (bytes) per example (`BASE_TRAINING.maxLength`:
 * 91.7% of the mix fits, the rest is skipped); the GGUF declares a 1024-token context because `@nomen/suggest` asks
 * for up to 512 answer tokens after a ~110-token prompt (a real answer of 5 domains is ~120 bytes, so positions
 * past 512 are rarely reached; they were never trained).
 */
export const BASE_MODEL_SHAPE = {
  architecture: "qwen2",
  dim: 128,
  layers: 4,
  heads: 4,
  kvHeads: 4,
  ffnDim: 352,
  contextLength: 1024,
  tiedEmbeddings: true,
} as const satisfies Omit<FullModelOptions, "vocabSize">;

/**
 * The longest prompt (system + user turn, ChatML, in byte tokens) the base declares it was trained on
 * (`nomen.prompt.max_tokens`, written by {@link exportBase}). Rows are trained at up to 512 tokens
 * (`BASE_TRAINING.maxLength`); a 384-token prompt leaves 128 trained positions for a ~120-token answer of five names.
 * 93% of dataset v1's prompts and 97.6% of v17's are within it; `@nomen/suggest` shortens longer descriptions to fit,
 * instead of asking the model (2,000 characters) at positions it never learned, where it spells noise.
 */
export const BASE_PROMPT_TOKEN_LIMIT = 384;

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
