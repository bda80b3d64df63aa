import { ModelMetadataError, UnsupportedArchitectureError } from "../errors.js";

/** `norm` rotates adjacent pairs (2i, 2i+1) as llama.cpp's llama; `neox` rotates halves (i, i+hd/2) as qwen2 and HF. */
export type RopeStyle = "norm" | "neox";

export const SUPPORTED_ARCHITECTURES = ["llama", "qwen2"] as const;
export type Architecture = (typeof SUPPORTED_ARCHITECTURES)[number];

/** Hyper-parameters of a Llama/Qwen2 decoder, read from GGUF metadata. */
export interface DecoderConfig {
  architecture: Architecture;
  ropeStyle: RopeStyle;
  vocabSize: number;
  /** n_embd */
  dim: number;
  layers: number;
  heads: number;
  kvHeads: number;
  /** dim / heads */
  headDim: number;
  /** n_ff */
  ffnDim: number;
  contextLength: number;
  rmsEps: number;
  ropeBase: number;
}

const ROPE_STYLE: Record<Architecture, RopeStyle> = { llama: "norm", qwen2: "neox" };

/**
 * Reads the hyper-parameters llama.cpp needs for `llama`/`qwen2`, checking types as strictly as llama.cpp does.
 * `vocabSize` falls back to the token_embd row count given by the caller.
 */
export function decoderConfigFromMetadata(
  metadata: ReadonlyMap<string, unknown>,
  location: string,
  vocabFromTensors?: number,
): DecoderConfig {
  const architecture = metadata.get("general.architecture");
  if (typeof architecture !== "string" || !(SUPPORTED_ARCHITECTURES as readonly string[]).includes(architecture)) {
    throw new UnsupportedArchitectureError(
      `${location}: general.architecture is ${JSON.stringify(architecture ?? null)}; expected one of ${SUPPORTED_ARCHITECTURES.join(", ")}. ` +
        "Hint: convert the model with llama.cpp's convert_hf_to_gguf.py to a Llama or Qwen2 GGUF.",
    );
  }
  const arch = architecture as Architecture;
  const problems: string[] = [];
  const int = (key: string, fallback?: number): number => {
    const value = metadata.get(`${arch}.${key}`);
    if (value === undefined && fallback !== undefined) return fallback;
    const n = typeof value === "bigint" ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
      problems.push(`${arch}.${key} = ${describe(value)} (expected a positive integer)`);
      return 1;
    }
    return n;
  };
  const float = (key: string, fallback?: number): number => {
    const value = metadata.get(`${arch}.${key}`);
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      problems.push(`${arch}.${key} = ${describe(value)} (expected a positive number)`);
      return 1;
    }
    return value;
  };
  const dim = int("embedding_length");
  const heads = int("attention.head_count");
  const config: DecoderConfig = {
    architecture: arch,
    ropeStyle: ROPE_STYLE[arch],
    dim,
    heads,
    layers: int("block_count"),
    kvHeads: int("attention.head_count_kv", heads),
    headDim: Math.floor(dim / heads),
    ffnDim: int("feed_forward_length"),
    contextLength: int("context_length"),
    rmsEps: float("attention.layer_norm_rms_epsilon"),
    ropeBase: float("rope.freq_base", 10000),
    vocabSize: int("vocab_size", vocabFromTensors ?? tokenCount(metadata)),
  };
  if (dim % heads !== 0) problems.push(`embedding_length ${dim} is not a multiple of head_count ${heads}`);
  if (heads % config.kvHeads !== 0)
    problems.push(`head_count ${heads} is not a multiple of head_count_kv ${config.kvHeads}`);
  if (config.headDim % 2 !== 0) problems.push(`head dim ${config.headDim} is odd; RoPE needs pairs`);
  const ropeDim = int("rope.dimension_count", config.headDim);
  if (ropeDim !== config.headDim)
    problems.push(`rope.dimension_count ${ropeDim} != head dim ${config.headDim} (partial RoPE is not supported)`);
  if (problems.length > 0) {
    throw new ModelMetadataError(
      `${location}: bad ${arch} metadata: ${problems.join("; ")}. Hint: integer hyper-parameters must be u32, eps f32.`,
    );
  }
  return config;
}

function tokenCount(metadata: ReadonlyMap<string, unknown>): number | undefined {
  const tokens = metadata.get("tokenizer.ggml.tokens");
  return Array.isArray(tokens) ? tokens.length : undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
