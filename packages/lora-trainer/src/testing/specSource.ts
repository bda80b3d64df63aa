/** Test support: a header-only ModelSource of a given shape (no tensor data; reading data throws). */
import type { DecoderConfig } from "../models/DecoderConfig.js";
import { expectedTensors } from "../models/expectedTensors.js";
import type { ModelSource } from "../models/ModelSource.js";

const Q8_0 = 8;

/** Matrices as Q8_0 (34 bytes per 32 values), vectors as F32, tied head, q/k/v biases as Qwen2 has them. */
export function specSource(config: DecoderConfig, location = "spec"): ModelSource {
  const metadata = new Map<string, unknown>([
    ["general.architecture", config.architecture],
    [`${config.architecture}.context_length`, config.contextLength],
    [`${config.architecture}.embedding_length`, config.dim],
    [`${config.architecture}.block_count`, config.layers],
    [`${config.architecture}.feed_forward_length`, config.ffnDim],
    [`${config.architecture}.attention.head_count`, config.heads],
    [`${config.architecture}.attention.head_count_kv`, config.kvHeads],
    [`${config.architecture}.attention.layer_norm_rms_epsilon`, config.rmsEps],
    [`${config.architecture}.vocab_size`, config.vocabSize],
  ]);
  const tensors = expectedTensors(config)
    .filter((t) => t.required || /attn_[qkv]\.bias$/.test(t.name))
    .map((t) => {
      const count = t.ne.reduce((p, d) => p * d, 1);
      const quantized = t.ne.length === 2;
      return {
        name: t.name,
        ne: t.ne,
        ggmlType: quantized ? Q8_0 : 0,
        byteLength: quantized ? (count / 32) * 34 : count * 4,
      };
    });
  return {
    location,
    metadata,
    tensors,
    canDecode: (type) => type === 0 || type === Q8_0,
    readFloat32: (name) => {
      throw new Error(`specSource has no data (asked for ${name})`);
    },
  };
}

/** Published shapes (HF config.json), tied heads. */
export const QWEN25_SHAPES = {
  "0.5B": { dim: 896, layers: 24, heads: 14, kvHeads: 2, ffnDim: 4864 },
  "3B": { dim: 2048, layers: 36, heads: 16, kvHeads: 2, ffnDim: 11008 },
} as const;

export function qwen25Config(size: keyof typeof QWEN25_SHAPES): DecoderConfig {
  const s = QWEN25_SHAPES[size];
  return {
    architecture: "qwen2",
    ropeStyle: "neox",
    vocabSize: 151936,
    ...s,
    headDim: s.dim / s.heads,
    contextLength: 32768,
    rmsEps: 1e-6,
    ropeBase: 1000000,
  };
}
