import { f32, GgmlType, type GgufTensorSpec, str, writeGguf } from "@nomen/gguf";
import { transpose } from "../models/weights.js";
import type { LoraAdapter } from "./LoraAdapter.js";

/** Options for {@link exportGgufAdapter}. */
export interface ExportGgufAdapterOptions {
  /** Where to write; written atomically (temp file + rename). */
  path: string;
  /** `general.name`. Defaults to "nomen LoRA adapter". */
  name?: string;
  signal?: AbortSignal;
}

/**
 * Writes a llama.cpp GGUF LoRA adapter (facts §7, llama-adapter.cpp): general.type=adapter, adapter.type=lora,
 * adapter.lora.alpha (f32), and per target `blk.N.<proj>.weight.lora_a` ne=[n_in, r] and `.lora_b` ne=[r, n_out]
 * (PEFT's lora_A [r, in] and lora_B [out, r] byte for byte). llama.cpp scales by alpha / r, so an rsLoRA adapter
 * is written with alpha = scale·r. Our llama RoPE is llama.cpp's (adjacent pairs), so q/k need no row permutation.
 * Returns the bytes written.
 */
export async function exportGgufAdapter(adapter: LoraAdapter, options: ExportGgufAdapterOptions): Promise<number> {
  const { rank } = adapter.options;
  const tensors: GgufTensorSpec[] = [];
  for (const pair of adapter.pairs) {
    const [nIn] = pair.a.shape;
    const [, nOut] = pair.b.shape;
    const base = `blk.${pair.layer}.${pair.target}.weight`;
    // TF.js A is [in, r] and B [r, out]; ggml wants r rows of n_in (Aᵀ) and n_out rows of r (Bᵀ).
    tensors.push({
      name: `${base}.lora_a`,
      shape: [nIn, rank],
      type: GgmlType.F32,
      data: transpose((await pair.a.data()) as Float32Array, nIn, rank),
    });
    tensors.push({
      name: `${base}.lora_b`,
      shape: [rank, nOut],
      type: GgmlType.F32,
      data: transpose((await pair.b.data()) as Float32Array, rank, nOut),
    });
  }
  const metadata = {
    "general.architecture": str(adapter.model.config.architecture),
    "general.type": str("adapter"),
    "general.name": str(options.name ?? "nomen LoRA adapter"),
    "adapter.type": str("lora"),
    "adapter.lora.alpha": f32(adapter.scale * rank),
  };
  return writeGguf(options.path, { metadata, tensors }, { signal: options.signal });
}
