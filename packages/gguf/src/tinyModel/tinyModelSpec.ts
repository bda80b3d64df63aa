import { GgmlType } from "../types.js";
import type { GgufTensorSpec, GgufWriteSpec } from "../validate/validateWriteSpec.js";
import { f32, str, u32 } from "../values.js";
import { BYTE_LEVEL_VOCAB_SIZE, byteLevelVocabMetadata } from "./byteLevelVocab.js";

/** Options for {@link tinyModelSpec}; every field has a small default. */
export interface TinyModelOptions {
  /** Defaults to "llama". */
  architecture?: "llama" | "qwen2";
  /** Defaults to 64. */
  dim?: number;
  /** Defaults to 1. */
  layers?: number;
  /** Defaults to 4. */
  heads?: number;
  /** Defaults to 2. */
  kvHeads?: number;
  /** Defaults to 128. */
  ffnDim?: number;
  /** Defaults to 1. */
  seed?: number;
  /** Leave out output.weight so the output reuses token_embd. Defaults to false. */
  tiedOutput?: boolean;
  /** Add q/k/v biases. Defaults to true for qwen2, false for llama. */
  qkvBias?: boolean;
  /** The ggml type of each tensor. Defaults to F32 for all. */
  typeOf?: (name: string) => GgmlType;
  /** Replace a tensor's random values (e.g. to write dequantized embeddings). Defaults to none. */
  override?: (name: string) => Float32Array | undefined;
}

/** mulberry32 + Box–Muller: reproducible normal samples without a dependency. */
function normalSampler(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * A complete random-weight llama/qwen2 model with a 261-token byte-level vocab, ready for `writeGguf`
 * and loadable by llama.cpp. For tests and examples: loads in milliseconds.
 */
export function tinyModelSpec(options: TinyModelOptions = {}): GgufWriteSpec {
  const { architecture = "llama", dim = 64, layers = 1, heads = 4, kvHeads = 2, ffnDim = 128, seed = 1 } = options;
  const qkvBias = options.qkvBias ?? architecture === "qwen2";
  const headDim = dim / heads;
  const normal = normalSampler(seed);
  const tensors: GgufTensorSpec[] = [];
  const add = (name: string, shape: number[], init: () => number) => {
    // Always draw the random values so an override does not shift the other tensors' values.
    const random = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, init);
    const values = options.override?.(name) ?? random;
    tensors.push({ name, shape, type: options.typeOf?.(name) ?? GgmlType.F32, data: values });
  };
  const matrix = (name: string, nIn: number, nOut: number) => add(name, [nIn, nOut], () => normal() / Math.sqrt(nIn));
  const gain = (name: string, n: number) => add(name, [n], () => 1 + 0.1 * normal());
  add("token_embd.weight", [dim, BYTE_LEVEL_VOCAB_SIZE], normal);
  gain("output_norm.weight", dim);
  if (!options.tiedOutput) matrix("output.weight", dim, BYTE_LEVEL_VOCAB_SIZE);
  for (let i = 0; i < layers; i++) {
    const b = `blk.${i}.`;
    gain(`${b}attn_norm.weight`, dim);
    matrix(`${b}attn_q.weight`, dim, heads * headDim);
    matrix(`${b}attn_k.weight`, dim, kvHeads * headDim);
    matrix(`${b}attn_v.weight`, dim, kvHeads * headDim);
    if (qkvBias) {
      for (const [n, size] of [
        ["q", heads],
        ["k", kvHeads],
        ["v", kvHeads],
      ] as const)
        add(`${b}attn_${n}.bias`, [size * headDim], () => 0.3 * normal());
    }
    matrix(`${b}attn_output.weight`, heads * headDim, dim);
    gain(`${b}ffn_norm.weight`, dim);
    matrix(`${b}ffn_gate.weight`, dim, ffnDim);
    matrix(`${b}ffn_up.weight`, dim, ffnDim);
    matrix(`${b}ffn_down.weight`, ffnDim, dim);
  }
  const k = (key: string) => `${architecture}.${key}`;
  const metadata = {
    "general.architecture": str(architecture),
    "general.name": str(`tiny-${architecture}`),
    [k("context_length")]: u32(256),
    [k("embedding_length")]: u32(dim),
    [k("block_count")]: u32(layers),
    [k("feed_forward_length")]: u32(ffnDim),
    [k("attention.head_count")]: u32(heads),
    [k("attention.head_count_kv")]: u32(kvHeads),
    [k("attention.layer_norm_rms_epsilon")]: f32(1e-5),
    [k("rope.freq_base")]: f32(10000),
    ...byteLevelVocabMetadata(),
  };
  return { metadata, tensors };
}
