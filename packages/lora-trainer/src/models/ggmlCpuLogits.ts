/**
 * The exact path's one-call entry: a whole sequence's logits as llama.cpp's CPU backend computes them, for a given
 * micro-batch split. Parity tests compare against llama.cpp through this; generation uses {@link GgmlCpuSession}.
 */
import { InvalidInputError } from "../errors.js";
import type { DecoderConfig } from "./DecoderConfig.js";
import { GgmlCpuSession } from "./GgmlCpuSession.js";
import type { GgmlCpuOptions } from "./ggmlCpuContext.js";
import type { GgmlCpuProfile } from "./ggmlCpuProfile.js";
import type { GgmlWeights } from "./ggmlWeights.js";

/**
 * Next-token logits [T][V] for one sequence starting at position 0, as ggml-cpu computes them when llama.cpp
 * evaluates it in micro-batches of `options.ubatches` tokens (default: 512 at a time, llama.cpp's n_ubatch) with the
 * earlier ones in the KV cache. A 1-token micro-batch (token-by-token decoding) takes ggml_vec_dot kernels instead of
 * tinyBLAS, so its bits differ from the same position evaluated in a longer batch.
 */
export function ggmlCpuLogits(
  config: DecoderConfig,
  weights: GgmlWeights,
  tokens: readonly number[],
  profile: GgmlCpuProfile,
  options: GgmlCpuOptions = {},
): Float32Array[] {
  const sizes =
    options.ubatches ??
    Array.from({ length: Math.ceil(tokens.length / 512) }, (_, i) => Math.min(512, tokens.length - 512 * i));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || sizes.reduce((a, b) => a + b, 0) !== tokens.length) {
    throw new InvalidInputError(`ubatches [${sizes}] must be positive and add up to ${tokens.length} tokens`);
  }
  const session = new GgmlCpuSession(config, weights, profile, options);
  const logits: Float32Array[] = [];
  let start = 0;
  for (const n of sizes) {
    logits.push(...session.evaluate(tokens.slice(start, start + n)));
    start += n;
  }
  return logits;
}
