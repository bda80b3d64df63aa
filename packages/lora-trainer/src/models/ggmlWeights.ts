/**
 * A model's weights in ggml's own layout (row-major `nOut × nIn`, tagged with the stored ggml type), which the exact
 * path reads instead of TF.js tensors: the stored type picks the kernel and the activation rounding.
 */
import { MissingTensorError } from "../errors.js";
import type { DecoderConfig } from "./DecoderConfig.js";
import type { ModelSource } from "./ModelSource.js";

/** One weight matrix in ggml layout: `nOut` rows of `nIn` values (exactly representable in `type`). */
export interface GgmlMatrix {
  data: Float32Array;
  nIn: number;
  nOut: number;
  /** The ggml type id (`GgmlType` of @nomen/gguf). */
  type: number;
}

/** One decoder layer's weights, keyed by llama.cpp's short projection names. */
export interface GgmlLayer {
  attnNorm: Float32Array;
  ffnNorm: Float32Array;
  q: GgmlMatrix;
  k: GgmlMatrix;
  v: GgmlMatrix;
  o: GgmlMatrix;
  gate: GgmlMatrix;
  up: GgmlMatrix;
  down: GgmlMatrix;
  qBias?: Float32Array;
  kBias?: Float32Array;
  vBias?: Float32Array;
  /** LoRA adapters on projections (llama.cpp's build_lora_mm: W·x + scale·B·(A·x), before the bias). */
  lora?: Partial<Record<GgmlProjection, GgmlLora>>;
}

export type GgmlProjection = "q" | "k" | "v" | "o" | "gate" | "up" | "down";

/** One adapter pair: A is `r` rows of n_in, B is n_out rows of `r` (the GGUF lora_a / lora_b layout). */
export interface GgmlLora {
  a: GgmlMatrix;
  b: GgmlMatrix;
  /** llama.cpp's float32 `adapter_scale · alpha / r` (or `adapter_scale` without alpha). */
  scale: number;
}

export interface GgmlWeights {
  tokenEmbedding: GgmlMatrix;
  /** The head; the same object as `tokenEmbedding` when tied. */
  output: GgmlMatrix;
  outputNorm: Float32Array;
  layers: GgmlLayer[];
}

/** Reads a model's tensors (dequantized to float32, exact for F32/F16/BF16) into the layout the exact path uses. */
export async function ggmlWeightsFromSource(source: ModelSource, config: DecoderConfig): Promise<GgmlWeights> {
  const spec = (name: string) => source.tensors.find((t) => t.name === name);
  const vector = async (name: string) => Float32Array.from(await source.readFloat32(name));
  const optional = async (name: string) => (spec(name) ? await vector(name) : undefined);
  const matrix = async (name: string): Promise<GgmlMatrix> => {
    const t = spec(name);
    if (!t) throw new MissingTensorError(`${source.location}: missing tensor ${name}`);
    return { data: await vector(name), nIn: t.ne[0]!, nOut: t.ne[1]!, type: t.ggmlType };
  };
  const tokenEmbedding = await matrix("token_embd.weight");
  const layers: GgmlLayer[] = [];
  for (let i = 0; i < config.layers; i++) {
    const p = `blk.${i}`;
    const layer: GgmlLayer = {
      attnNorm: await vector(`${p}.attn_norm.weight`),
      ffnNorm: await vector(`${p}.ffn_norm.weight`),
      q: await matrix(`${p}.attn_q.weight`),
      k: await matrix(`${p}.attn_k.weight`),
      v: await matrix(`${p}.attn_v.weight`),
      o: await matrix(`${p}.attn_output.weight`),
      gate: await matrix(`${p}.ffn_gate.weight`),
      up: await matrix(`${p}.ffn_up.weight`),
      down: await matrix(`${p}.ffn_down.weight`),
    };
    const [qBias, kBias, vBias] = await Promise.all(["q", "k", "v"].map((x) => optional(`${p}.attn_${x}.bias`)));
    if (qBias) layer.qBias = qBias;
    if (kBias) layer.kBias = kBias;
    if (vBias) layer.vBias = vBias;
    layers.push(layer);
  }
  return {
    tokenEmbedding,
    output: spec("output.weight") ? await matrix("output.weight") : tokenEmbedding,
    outputNorm: await vector("output_norm.weight"),
    layers,
  };
}
