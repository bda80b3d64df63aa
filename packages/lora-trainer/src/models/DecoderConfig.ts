/**
 * The decoder's hyper-parameters come from `@nomen/gguf`'s `modelConfigFromGguf` (keys, llama.cpp's defaults, RoPE
 * style, supported architectures); this file only adapts its input and errors, and adds the checks the TensorFlow.js
 * forward needs (integer sizes, heads that divide, full RoPE), listing every problem at once.
 */
import {
  SUPPORTED_ARCHITECTURES as GGUF_ARCHITECTURES,
  GgufMissingKeyError,
  UnsupportedArchitectureError as GgufUnsupportedArchitectureError,
  type GgufValue,
  GgufValueType,
  type ModelConfig,
  modelConfigFromGguf,
} from "@nomen/gguf";
import { ModelMetadataError, UnsupportedArchitectureError } from "../errors.js";

/** `norm` rotates adjacent pairs (2i, 2i+1) as llama.cpp's llama; `neox` rotates halves (i, i+hd/2) as qwen2 and HF. */
export type RopeStyle = ModelConfig["ropeStyle"];
export type Architecture = ModelConfig["architecture"];
/** The architectures `@nomen/gguf` configures (llama, qwen2). */
export const SUPPORTED_ARCHITECTURES = GGUF_ARCHITECTURES as readonly Architecture[];

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

/** The metadata key (after `<arch>.`) each config field is read from, for error messages. */
const KEYS = {
  dim: "embedding_length",
  heads: "attention.head_count",
  layers: "block_count",
  kvHeads: "attention.head_count_kv",
  ffnDim: "feed_forward_length",
  contextLength: "context_length",
  vocabSize: "vocab_size",
  rmsEps: "attention.layer_norm_rms_epsilon",
  ropeBase: "rope.freq_base",
} as const satisfies Partial<Record<keyof DecoderConfig, string>>;
const INTEGERS = ["dim", "heads", "layers", "kvHeads", "ffnDim", "contextLength", "vocabSize"] as const;
const FLOATS = ["rmsEps", "ropeBase"] as const;

/**
 * Reads the hyper-parameters llama.cpp needs for `llama`/`qwen2` through `modelConfigFromGguf`, then checks them as
 * strictly as llama.cpp does. `vocabSize` falls back to the token_embd row count given by the caller.
 * @throws UnsupportedArchitectureError, ModelMetadataError (every problem listed).
 */
export function decoderConfigFromMetadata(
  metadata: ReadonlyMap<string, unknown>,
  location: string,
  vocabFromTensors?: number,
): DecoderConfig {
  const typed: Record<string, GgufValue> = {};
  for (const [key, value] of metadata) {
    const v = typedValue(value);
    if (v) typed[key] = v;
  }
  const tensors = vocabFromTensors === undefined ? [] : [{ name: "token_embd.weight", shape: [0, vocabFromTensors] }];
  const missing: string[] = [];
  let config: ModelConfig | undefined;
  while (!config) {
    try {
      config = modelConfigFromGguf({ metadata: typed, tensors, source: { description: location } });
    } catch (error) {
      if (error instanceof GgufUnsupportedArchitectureError) {
        throw new UnsupportedArchitectureError(
          `${location}: general.architecture is ${JSON.stringify(metadata.get("general.architecture") ?? null)}; expected one of ${SUPPORTED_ARCHITECTURES.join(", ")}. ` +
            "Hint: convert the model with llama.cpp's convert_hf_to_gguf.py to a Llama or Qwen2 GGUF.",
          { cause: error },
        );
      }
      if (!(error instanceof GgufMissingKeyError)) throw error;
      if (missing.includes(error.key)) throw new ModelMetadataError(`${location}: ${error.message}`, { cause: error }); // no stand-in helps
      // Record it and read on with a stand-in, so one error lists every missing key.
      missing.push(error.key);
      typed[error.key] = { type: GgufValueType.UINT32, value: 1 };
    }
  }
  const arch = config.architecture;
  const problems: string[] = [];
  const check = (field: keyof typeof KEYS, ok: boolean, expected: string) => {
    const key = `${arch}.${KEYS[field]}`;
    if (missing.includes(key) || !ok) problems.push(`${key} = ${describe(metadata.get(key))} (expected ${expected})`);
  };
  for (const field of INTEGERS)
    check(field, Number.isInteger(config[field]) && config[field] >= 1, "a positive integer");
  for (const field of FLOATS) check(field, Number.isFinite(config[field]) && config[field] > 0, "a positive number");
  const { dim, heads, kvHeads } = config;
  const headDim = Math.floor(dim / heads);
  if (dim % heads !== 0) problems.push(`embedding_length ${dim} is not a multiple of head_count ${heads}`);
  if (heads % kvHeads !== 0) problems.push(`head_count ${heads} is not a multiple of head_count_kv ${kvHeads}`);
  if (config.headDim !== headDim) problems.push(`attention.key_length ${config.headDim} != dim / heads ${headDim}`);
  if (headDim % 2 !== 0) problems.push(`head dim ${headDim} is odd; RoPE needs pairs`);
  const ropeDim = metadata.get(`${arch}.rope.dimension_count`) ?? headDim;
  if (Number(ropeDim) !== headDim)
    problems.push(`rope.dimension_count ${ropeDim} != head dim ${headDim} (partial RoPE is not supported)`);
  if (problems.length > 0) {
    throw new ModelMetadataError(
      `${location}: bad ${arch} metadata: ${problems.join("; ")}. Hint: integer hyper-parameters must be u32, eps f32.`,
    );
  }
  const { tiedOutput: _tied, qkvBias: _bias, ...decoder } = config;
  return { ...decoder, headDim };
}

/** A plain metadata value (as a {@link ModelSource} holds it) with a GGUF type `@nomen/gguf` can read. */
function typedValue(value: unknown): GgufValue | undefined {
  switch (typeof value) {
    case "number":
      return { type: GgufValueType.FLOAT64, value };
    case "bigint":
      return { type: GgufValueType.UINT64, value };
    case "boolean":
      return { type: GgufValueType.BOOL, value };
    case "string":
      return { type: GgufValueType.STRING, value };
  }
  if (!Array.isArray(value)) return undefined;
  const first = value.find((v) => v !== undefined);
  const item = typedValue(first);
  if (!item || item.type === GgufValueType.ARRAY || !value.every((v) => typeof v === typeof first)) return undefined;
  return { type: GgufValueType.ARRAY, itemType: item.type, value } as GgufValue;
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
