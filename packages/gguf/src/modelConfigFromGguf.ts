import { GgufMissingKeyError, UnsupportedArchitectureError } from "./errors.js";
import { type GgufMetadata, GgufValueType as V } from "./types.js";
import type { TensorShape } from "./validate/validateArchTensors.js";
import { SUPPORTED_ARCHITECTURES } from "./validate/validateModelMetadata.js";
import { getMetadata, getNumber, getString } from "./values.js";

/** A llama-style decoder's shape and numerics, as llama.cpp derives them from GGUF metadata and tensors. */
export interface ModelConfig {
  architecture: "llama" | "qwen2";
  vocabSize: number;
  /** embedding_length */
  dim: number;
  layers: number;
  heads: number;
  /** Key/value heads (GQA when fewer than `heads`). */
  kvHeads: number;
  headDim: number;
  ffnDim: number;
  ropeBase: number;
  /** "norm" rotates adjacent pairs (llama); "neox" rotates (i, i + headDim/2) (qwen2, HF rotate_half). */
  ropeStyle: "norm" | "neox";
  rmsEps: number;
  contextLength: number;
  /** No output.weight: the output projection reuses token_embd. */
  tiedOutput: boolean;
  /** blk.0.attn_q.bias is present (q/k/v biases, as in Qwen2). */
  qkvBias: boolean;
}

/** What {@link modelConfigFromGguf} reads: a `GgufFile`, or a write spec's metadata and tensors. */
export interface ModelConfigSource {
  readonly metadata: GgufMetadata;
  readonly tensors: readonly TensorShape[];
  readonly source?: { readonly description: string };
}

/**
 * Reads the model config from metadata (llama.cpp defaults: head_count_kv = head_count, rope base 10000,
 * vocab = number of tokens) and from which tensors exist (tied output, q/k/v bias).
 * @throws UnsupportedArchitectureError, GgufMissingKeyError
 */
export function modelConfigFromGguf(file: ModelConfigSource): ModelConfig {
  const where = file.source?.description ?? "metadata";
  const metadata = file.metadata;
  const architecture = getString(metadata, "general.architecture") ?? "";
  if (architecture !== "llama" && architecture !== "qwen2") {
    throw new UnsupportedArchitectureError(architecture, SUPPORTED_ARCHITECTURES, where);
  }
  const required = (key: string): number => {
    const value = getNumber(metadata, `${architecture}.${key}`);
    if (value === undefined)
      throw new GgufMissingKeyError(`${architecture}.${key}`, "It is required to configure the model.", where);
    return value;
  };
  const optional = (key: string, fallback: number) => getNumber(metadata, `${architecture}.${key}`) ?? fallback;
  const dim = required("embedding_length");
  const heads = firstOf(metadata, `${architecture}.attention.head_count`) ?? required("attention.head_count");
  const tokens = getMetadata(metadata, "tokenizer.ggml.tokens");
  const embd = file.tensors.find((t) => t.name === "token_embd.weight");
  const vocabSize =
    getNumber(metadata, `${architecture}.vocab_size`) ??
    (tokens?.type === V.ARRAY ? tokens.value.length : undefined) ??
    embd?.shape[1];
  if (vocabSize === undefined)
    throw new GgufMissingKeyError("tokenizer.ggml.tokens", "Needed for the vocab size.", where);
  return {
    architecture,
    vocabSize,
    dim,
    layers: required("block_count"),
    heads,
    kvHeads: firstOf(metadata, `${architecture}.attention.head_count_kv`) ?? heads,
    headDim: optional("attention.key_length", dim / heads),
    ffnDim: firstOf(metadata, `${architecture}.feed_forward_length`) ?? required("feed_forward_length"),
    ropeBase: optional("rope.freq_base", 10000),
    ropeStyle: architecture === "llama" ? "norm" : "neox",
    rmsEps: required("attention.layer_norm_rms_epsilon"),
    contextLength: required("context_length"),
    tiedOutput: !file.tensors.some((t) => t.name === "output.weight"),
    qkvBias: file.tensors.some((t) => t.name === "blk.0.attn_q.bias"),
  };
}

/** A scalar, or the first entry of a per-layer array. */
function firstOf(metadata: GgufMetadata, key: string): number | undefined {
  const value = getMetadata(metadata, key);
  if (value?.type === V.ARRAY) return typeof value.value[0] === "number" ? value.value[0] : undefined;
  return getNumber(metadata, key);
}
