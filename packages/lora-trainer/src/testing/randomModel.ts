/** Test support: seeded random Llama/Qwen2 weights in GGUF layout, and an in-memory ModelSource over them. */
import { gaussian } from "../data/seededRandom.js";
import type { Architecture, DecoderConfig } from "../models/DecoderConfig.js";
import { expectedTensors } from "../models/expectedTensors.js";
import type { ModelSource } from "../models/ModelSource.js";

export interface RandomModelOptions {
  architecture: Architecture;
  vocabSize: number;
  dim: number;
  layers: number;
  heads: number;
  kvHeads: number;
  ffnDim: number;
  /** Separate output.weight; otherwise the head is tied to token_embd. */
  untied?: boolean;
  /** q/k/v biases (std 0.3). */
  bias?: boolean;
  contextLength?: number;
  seed?: number;
}

export interface RandomModel {
  config: DecoderConfig;
  metadata: Map<string, unknown>;
  /** name → ggml ne (innermost first) and data in file order (float64 for finite-difference references). */
  tensors: Map<string, { ne: number[]; data: Float32Array | Float64Array }>;
}

export function randomModel(options: RandomModelOptions): RandomModel {
  const { architecture: arch, vocabSize, dim, layers, heads, kvHeads, ffnDim } = options;
  const contextLength = options.contextLength ?? 64;
  const config: DecoderConfig = {
    architecture: arch,
    ropeStyle: arch === "llama" ? "norm" : "neox",
    vocabSize,
    dim,
    layers,
    heads,
    kvHeads,
    headDim: dim / heads,
    ffnDim,
    contextLength,
    rmsEps: 1e-5,
    ropeBase: 10000,
  };
  const metadata = new Map<string, unknown>([
    ["general.architecture", arch],
    [`${arch}.context_length`, contextLength],
    [`${arch}.embedding_length`, dim],
    [`${arch}.block_count`, layers],
    [`${arch}.feed_forward_length`, ffnDim],
    [`${arch}.attention.head_count`, heads],
    [`${arch}.attention.head_count_kv`, kvHeads],
    [`${arch}.attention.layer_norm_rms_epsilon`, config.rmsEps],
    [`${arch}.rope.freq_base`, config.ropeBase],
    [`${arch}.vocab_size`, vocabSize],
  ]);
  const random = gaussian(options.seed ?? 1);
  const tensors = new Map<string, { ne: number[]; data: Float32Array | Float64Array }>();
  for (const t of expectedTensors(config)) {
    const isBias = t.name.endsWith(".bias");
    if (t.name === "output.weight" && !options.untied) continue;
    if (isBias && !(options.bias && /attn_[qkv]\.bias$/.test(t.name))) continue;
    const size = t.ne.reduce((p, d) => p * d, 1);
    const data = new Float32Array(size);
    const isNorm = t.name.endsWith("norm.weight");
    const std = t.name === "token_embd.weight" ? 1 : isBias ? 0.3 : isNorm ? 0.1 : 1 / Math.sqrt(t.ne[0]!);
    for (let i = 0; i < size; i++) data[i] = (isNorm ? 1 : 0) + std * random();
    tensors.set(t.name, { ne: t.ne, data });
  }
  return { config, metadata, tensors };
}

/** A ModelSource over a RandomModel (F32 only), so unit tests need no file. */
export function memorySource(model: RandomModel, location = "memory"): ModelSource {
  return {
    location,
    metadata: model.metadata,
    tensors: [...model.tensors].map(([name, t]) => ({ name, ne: t.ne, ggmlType: 0, byteLength: t.data.byteLength })),
    canDecode: (type) => type === 0,
    readFloat32: (name) => {
      const t = model.tensors.get(name);
      if (!t) throw new Error(`no tensor ${name}`);
      return t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
    },
  };
}

export { gaussian };
