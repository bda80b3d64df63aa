import type { DecoderConfig } from "./DecoderConfig.js";

/** A tensor the architecture reads, with its ggml `ne` (innermost first). */
export interface ExpectedTensor {
  name: string;
  ne: number[];
  required: boolean;
}

/** Projection names llama.cpp uses inside `blk.N.` (also the LoRA target names). */
export const PROJECTIONS = ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** [n_in, n_out] of each projection: ggml stores n_out rows of n_in floats. */
export function projectionShape(config: DecoderConfig, projection: Projection): [number, number] {
  const { dim, heads, kvHeads, headDim, ffnDim } = config;
  switch (projection) {
    case "attn_q":
      return [dim, heads * headDim];
    case "attn_k":
    case "attn_v":
      return [dim, kvHeads * headDim];
    case "attn_output":
      return [heads * headDim, dim];
    case "ffn_gate":
    case "ffn_up":
      return [dim, ffnDim];
    case "ffn_down":
      return [ffnDim, dim];
  }
}

/** Every tensor a Llama/Qwen2 decoder may read (llama.cpp src/models/llama.cpp and qwen2.cpp). */
export function expectedTensors(config: DecoderConfig): ExpectedTensor[] {
  const { dim, vocabSize, layers } = config;
  const list: ExpectedTensor[] = [
    { name: "token_embd.weight", ne: [dim, vocabSize], required: true },
    { name: "output_norm.weight", ne: [dim], required: true },
    { name: "output.weight", ne: [dim, vocabSize], required: false },
  ];
  for (let i = 0; i < layers; i++) {
    list.push({ name: `blk.${i}.attn_norm.weight`, ne: [dim], required: true });
    list.push({ name: `blk.${i}.ffn_norm.weight`, ne: [dim], required: true });
    for (const projection of PROJECTIONS) {
      const [nIn, nOut] = projectionShape(config, projection);
      list.push({ name: `blk.${i}.${projection}.weight`, ne: [nIn, nOut], required: true });
      list.push({ name: `blk.${i}.${projection}.bias`, ne: [nOut], required: false });
    }
  }
  return list;
}
