import { randomFillSync } from "node:crypto";
import { f32, floatToHalf, GgmlType, type GgufTensorSpec, str, u32, writeGguf } from "@nomen/gguf";
import type { DecoderConfig } from "../src/index.js";
import { expectedTensors } from "../src/models/expectedTensors.js";

/**
 * Writes a random-weight model of `config`'s shape with every matrix as Q8_0 (random int8 quants, one f16 scale
 * per block chosen for std ≈ 1/√n_in) and vectors as F32. Built directly as Q8_0 bytes: a 0.5B model needs
 * ~0.5 GB here instead of 2 GB of float32. Tied head, q/k/v biases (Qwen2 style).
 */
export async function writeQwenShapedQ8(path: string, config: DecoderConfig): Promise<number> {
  const tensors: GgufTensorSpec[] = [];
  for (const t of expectedTensors(config)) {
    if (t.name === "output.weight" || (t.name.endsWith(".bias") && !/attn_[qkv]\.bias$/.test(t.name))) continue;
    const count = t.ne.reduce((p, d) => p * d, 1);
    if (t.ne.length === 1) {
      const base = t.name.endsWith("norm.weight") ? 1 : 0;
      tensors.push({ name: t.name, shape: t.ne, type: GgmlType.F32, data: new Float32Array(count).fill(base) });
      continue;
    }
    const std = t.name === "token_embd.weight" ? 1 : 1 / Math.sqrt(t.ne[0]!);
    tensors.push({ name: t.name, shape: t.ne, type: GgmlType.Q8_0, data: randomQ8(count, std / 73) }); // uniform int8 has std ≈ 73
  }
  const a = (key: string) => `qwen2.${key}`;
  const metadata = {
    "general.architecture": str("qwen2"),
    "general.name": str("random Qwen2.5-0.5B-shaped (bench)"),
    [a("context_length")]: u32(config.contextLength),
    [a("embedding_length")]: u32(config.dim),
    [a("block_count")]: u32(config.layers),
    [a("feed_forward_length")]: u32(config.ffnDim),
    [a("attention.head_count")]: u32(config.heads),
    [a("attention.head_count_kv")]: u32(config.kvHeads),
    [a("attention.layer_norm_rms_epsilon")]: f32(config.rmsEps),
    [a("rope.freq_base")]: f32(config.ropeBase),
    [a("vocab_size")]: u32(config.vocabSize),
  };
  // No tokenizer: this file is for our loader only, so validate structure rather than llama.cpp's model rules.
  return writeGguf(path, { metadata, tensors }, { validate: "structure" });
}

function randomQ8(count: number, scale: number): Uint8Array {
  const blocks = count / 32;
  const bytes = new Uint8Array(blocks * 34);
  randomFillSync(bytes);
  const half = floatToHalf(scale);
  for (let b = 0; b < blocks; b++) {
    bytes[b * 34] = half & 0xff;
    bytes[b * 34 + 1] = half >> 8;
    for (let i = 2; i < 34; i++) if (bytes[b * 34 + i] === 0x80) bytes[b * 34 + i] = 0x81; // keep q in [-127, 127]
  }
  return bytes;
}
