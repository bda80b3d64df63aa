import type { LoraAdapter } from "../lora/LoraAdapter.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";
import type { Projection } from "../models/expectedTensors.js";

/** One adapted projection as plain arrays in TF.js layout: A row-major [nIn, rank], B row-major [rank, nOut]. */
export interface LoraWeightsPair {
  layer: number;
  target: Projection;
  nIn: number;
  nOut: number;
  a: Float32Array;
  b: Float32Array;
}

/** A LoRA adapter's values and settings, detached from TF.js: what the exporters and the merge read. */
export interface LoraWeights {
  /** The base model's hyper-parameters the adapter was made for. */
  config: DecoderConfig;
  rank: number;
  alpha: number;
  dropout: number;
  rsLora: boolean;
  /** Multiplier of B·A: alpha/rank, or alpha/√rank with rsLoRA. */
  scale: number;
  pairs: LoraWeightsPair[];
}

/** Copies an adapter's A and B out of TF.js (one download per variable). */
export async function loraWeightsOf(adapter: LoraAdapter): Promise<LoraWeights> {
  const { rank, alpha, dropout, rsLora } = adapter.options;
  const pairs: LoraWeightsPair[] = [];
  for (const pair of adapter.pairs) {
    pairs.push({
      layer: pair.layer,
      target: pair.target,
      nIn: pair.a.shape[0],
      nOut: pair.b.shape[1],
      a: Float32Array.from((await pair.a.data()) as Float32Array),
      b: Float32Array.from((await pair.b.data()) as Float32Array),
    });
  }
  return { config: adapter.model.config, rank, alpha, dropout, rsLora, scale: adapter.scale, pairs };
}

/**
 * ΔW = scale·(A·B)ᵀ in ggml layout: nOut rows of nIn, accumulated in float64 (delta[o·nIn + i] = scale·Σ_r A[i,r]·B[r,o]).
 */
export function loraDelta(pair: LoraWeightsPair, rank: number, scale: number): Float64Array {
  const { nIn, nOut, a, b } = pair;
  const delta = new Float64Array(nIn * nOut);
  const column = new Float64Array(rank);
  for (let o = 0; o < nOut; o++) {
    for (let r = 0; r < rank; r++) column[r] = scale * (b[r * nOut + o] as number);
    const row = o * nIn;
    for (let i = 0; i < nIn; i++) {
      let sum = 0;
      const aRow = i * rank;
      for (let r = 0; r < rank; r++) sum += (a[aRow + r] as number) * (column[r] as number);
      delta[row + i] = sum;
    }
  }
  return delta;
}
