import type { DecoderConfig } from "../models/DecoderConfig.js";
import type { Projection } from "../models/expectedTensors.js";

/** Hugging Face (transformers Llama/Qwen2) module path of each GGUF projection inside `model.layers.N`. */
export const HF_MODULES: Readonly<Record<Projection, { parent: "self_attn" | "mlp"; name: string }>> = {
  attn_q: { parent: "self_attn", name: "q_proj" },
  attn_k: { parent: "self_attn", name: "k_proj" },
  attn_v: { parent: "self_attn", name: "v_proj" },
  attn_output: { parent: "self_attn", name: "o_proj" },
  ffn_gate: { parent: "mlp", name: "gate_proj" },
  ffn_up: { parent: "mlp", name: "up_proj" },
  ffn_down: { parent: "mlp", name: "down_proj" },
};

/**
 * For each Hugging Face output row of `target`, the GGUF row it comes from. llama.cpp's converter permutes the q and
 * k rows of `llama` models per head (GGUF row 2j ← HF row j, row 2j+1 ← HF row j + hd/2; k uses the kv heads) so
 * that its adjacent-pair RoPE equals HF's rotate_half. Our llama weights are in GGUF layout, so going back to HF
 * inverts it: HF row j ← GGUF row 2j, HF row j + hd/2 ← GGUF row 2j+1. `qwen2` (NEOX RoPE, as HF) and every other
 * projection keep their order: returns undefined then.
 */
export function hfRowSource(config: DecoderConfig, target: Projection): Int32Array | undefined {
  if (config.architecture !== "llama" || (target !== "attn_q" && target !== "attn_k")) return undefined;
  const heads = target === "attn_q" ? config.heads : config.kvHeads;
  const { headDim } = config;
  const half = headDim / 2;
  const source = new Int32Array(heads * headDim);
  for (let h = 0; h < heads; h++) {
    for (let j = 0; j < half; j++) {
      source[h * headDim + j] = h * headDim + 2 * j;
      source[h * headDim + j + half] = h * headDim + 2 * j + 1;
    }
  }
  return source;
}
