import { f32, GgmlType, type GgufMetadata, type GgufTensorSpec, str, writeGguf } from "@nomen/gguf";

/** Options for {@link writeTinyAdapter}. */
export interface WriteTinyAdapterOptions {
  path: string;
  /** Must equal the base model's architecture to load. Defaults to "qwen2". */
  architecture?: string;
  /** Base model width. Defaults to 64 (the tiny model's). */
  dim?: number;
  /** Layers to adapt (attn_q and attn_v of each). Defaults to 2. */
  layers?: number;
  /** Defaults to 4. */
  rank?: number;
  /** Defaults to 8. */
  alpha?: number;
  /** Defaults to 1. */
  seed?: number;
  /** More metadata keys, written over the defaults (e.g. `nomen.decision.refusal_bias`). Defaults to none. */
  metadata?: GgufMetadata;
}

/** Writes a random LoRA adapter GGUF for the tiny model (attn_q and attn_v), in llama.cpp's adapter format. */
export async function writeTinyAdapter(options: WriteTinyAdapterOptions): Promise<string> {
  const { path, architecture = "qwen2", dim = 64, layers = 2, rank = 4, alpha = 8, seed = 1 } = options;
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const tensors: GgufTensorSpec[] = [];
  const matrix = (name: string, shape: number[]) =>
    tensors.push({
      name,
      shape,
      type: GgmlType.F32,
      data: Float32Array.from({ length: shape[0]! * shape[1]! }, random),
    });
  for (let layer = 0; layer < layers; layer++) {
    for (const target of ["attn_q", "attn_v"]) {
      const nOut = target === "attn_q" ? dim : dim / 2;
      matrix(`blk.${layer}.${target}.weight.lora_a`, [dim, rank]);
      matrix(`blk.${layer}.${target}.weight.lora_b`, [rank, nOut]);
    }
  }
  const metadata = {
    "general.architecture": str(architecture),
    "general.type": str("adapter"),
    "adapter.type": str("lora"),
    "adapter.lora.alpha": f32(alpha),
    ...options.metadata,
  };
  await writeGguf(path, { metadata, tensors });
  return path;
}
