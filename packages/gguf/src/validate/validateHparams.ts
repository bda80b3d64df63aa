import { GgufKeyTypeError } from "../errors.js";
import type { Problems } from "./Problems.js";

/** Hyper-parameters the tensor checks need; undefined where the metadata is missing or wrong. */
export interface CheckedHparams {
  dim?: number;
  layers?: number;
  ffnDim?: number;
  heads?: number;
  kvHeads?: number;
  headDim?: number;
}

const ABORTS = "Without it llama.cpp aborts the whole process (GGML_ASSERT), so it must be checked before loading.";
const THROWS = "llama.cpp refuses to load the model without it.";

/** `{arch}.*` keys of llama-style decoders (llama, qwen2): required u32/f32 hparams and their consistency. */
export function validateHparams(p: Problems, arch: string): CheckedHparams {
  const k = (name: string) => `${arch}.${name}`;
  p.count(k("context_length"), THROWS);
  const dim = p.count(k("embedding_length"), THROWS);
  const layers = p.count(k("block_count"), THROWS);
  const ffnDim = p.count(k("feed_forward_length"), ABORTS, true);
  const heads = p.count(k("attention.head_count"), ABORTS, true);
  const kvHeads = p.count(k("attention.head_count_kv"), undefined, true) ?? heads;
  const keyLength = p.count(k("attention.key_length"));
  p.count(k("attention.value_length"));
  p.count(k("vocab_size"));
  const f32Hint = "llama.cpp reads it as f32 only (f64 fails).";
  p.key(k("attention.layer_norm_rms_epsilon"), ["f32"], THROWS, f32Hint);
  p.key(k("rope.freq_base"), ["f32"], undefined, f32Hint);
  const rot = p.count(k("rope.dimension_count"));
  const headDim = keyLength ?? (dim !== undefined && heads !== undefined ? dim / heads : undefined);
  if (dim !== undefined && heads !== undefined && keyLength === undefined && dim % heads !== 0) {
    p.add(
      new GgufKeyTypeError(k("attention.head_count"), `a divisor of embedding_length ${dim}`, `${heads}`, "", p.where),
    );
  }
  if (heads !== undefined && kvHeads !== undefined && heads % kvHeads !== 0) {
    p.add(
      new GgufKeyTypeError(k("attention.head_count_kv"), `a divisor of head_count ${heads}`, `${kvHeads}`, "", p.where),
    );
  }
  // llama requires full rotary embeddings; qwen2 loads a partial one (measured).
  if (arch === "llama" && rot !== undefined && headDim !== undefined && rot !== headDim) {
    const hint = "llama.cpp requires n_rot == head_dim for this architecture.";
    p.add(new GgufKeyTypeError(k("rope.dimension_count"), `${headDim} (the head dim)`, `${rot}`, hint, p.where));
  }
  return { dim, layers, ffnDim, heads, kvHeads, headDim: Number.isInteger(headDim) ? headDim : undefined };
}
