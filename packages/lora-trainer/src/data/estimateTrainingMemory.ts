import type { MemoryReport } from "../memory.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";

/** Options for {@link estimateTrainingMemory}. */
export interface EstimateTrainingMemoryOptions {
  config: DecoderConfig;
  /** The model's load-time report (`model.memory` or `estimateMemory`): weights, packed copies, backend limit. */
  memory: MemoryReport;
  batchSize: number;
  /** Padded sequence length of the longest batch. */
  seqLen: number;
  /** LoRA parameters, or every parameter for full training; each carries a gradient and two AdamW moments. */
  trainableParameters: number;
}

/** Peak bytes of one training step, by part. */
export interface TrainingMemoryReport {
  /** Weights and (wasm) XNNPACK-packed copies, as loaded. */
  modelBytes: number;
  /** Gradient + AdamW m and v of every trainable parameter (the values themselves count in modelBytes or are tiny). */
  optimizerBytes: number;
  /** Activations kept for the backward pass plus their gradients, logits included. */
  activationBytes: number;
  totalBytes: number;
  limitBytes: number;
  fits: boolean;
}

/**
 * Float32 values per token that one LoRA step keeps at its peak: per layer ≈ 84.5·dim + 10.4·ffn + 7.8·heads·seqLen
 * (attention scores and their gradients), plus ≈ 10.4·vocab for the logits, log-softmax and their gradients. First
 * fitted to `tf.profile` peaks on 7 shapes (dim 64–256, ffn 128–1024, vocab 261–4096, 2–4 layers, 256–512 tokens),
 * then scaled by 0.65 once wasm's Identity stopped copying the inputs the tape saves (wasmKernelFixes.ts): the bytes
 * the backend really allocates per step came out 1.62–1.75× below the old estimate on dim 64–896 (vocab up to 32,768),
 * so the estimate now stays 5–14% above them. Measured in `estimateTrainingMemory.test.ts`.
 */
const PER_DIM = 84.5;
const PER_FFN = 10.4;
const PER_SCORE = 7.8;
const PER_VOCAB = 10.4;
/** The wasm heap outgrows live tensors by ~12% (see memory.ts). */
const WASM_ALLOCATOR_OVERHEAD = 0.12;

/** Predicts a training step's peak memory before any tensor is allocated, so an out-of-memory run is refused up front. */
export function estimateTrainingMemory(options: EstimateTrainingMemoryOptions): TrainingMemoryReport {
  const { config, memory, batchSize, seqLen, trainableParameters } = options;
  const tokens = batchSize * seqLen;
  const perLayer = PER_DIM * config.dim + PER_FFN * config.ffnDim + PER_SCORE * config.heads * seqLen;
  const activationBytes = 4 * tokens * (config.layers * perLayer + PER_VOCAB * config.vocabSize);
  const optimizerBytes = 3 * 4 * trainableParameters;
  const modelBytes = memory.weightBytes + memory.packedBytes;
  const subtotal = modelBytes + optimizerBytes + activationBytes;
  const totalBytes = memory.backend === "wasm" ? Math.round(subtotal * (1 + WASM_ALLOCATOR_OVERHEAD)) : subtotal;
  return {
    modelBytes,
    optimizerBytes,
    activationBytes,
    totalBytes,
    limitBytes: memory.limitBytes,
    fits: totalBytes <= memory.limitBytes,
  };
}
