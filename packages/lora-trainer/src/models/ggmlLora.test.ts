import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { f32, GgmlType, str, writeGguf } from "@nomen/gguf";
import { expect, it } from "vitest";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { withGgufLora } from "./ggmlLora.js";
import { ggmlWeightsFromSource } from "./ggmlWeights.js";

it("attaches a GGUF LoRA with llama.cpp's scale: adapter_scale·alpha/r, or adapter_scale without alpha", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ggml-lora-"));
  try {
    const random = randomModel({
      ...{ architecture: "llama", vocabSize: 61, dim: 32, layers: 1, heads: 4, kvHeads: 2, ffnDim: 32, seed: 6 },
    });
    const weights = await ggmlWeightsFromSource(memorySource(random), random.config);
    const tensors = [
      {
        name: "blk.0.attn_q.weight.lora_a",
        shape: [32, 8],
        type: GgmlType.F32,
        data: new Float32Array(256).fill(0.1),
      },
      {
        name: "blk.0.attn_q.weight.lora_b",
        shape: [8, 32],
        type: GgmlType.F32,
        data: new Float32Array(256).fill(0.2),
      },
    ];
    const meta = {
      "general.architecture": str("llama"),
      "general.type": str("adapter"),
      "adapter.type": str("lora"),
    };
    await writeGguf(join(dir, "a.gguf"), { metadata: { ...meta, "adapter.lora.alpha": f32(12) }, tensors });
    await writeGguf(join(dir, "b.gguf"), { metadata: meta, tensors });
    const withAlpha = await withGgufLora(weights, join(dir, "a.gguf"), 0.5);
    const withoutAlpha = await withGgufLora(weights, join(dir, "b.gguf"), 0.5);
    expect(withAlpha.layers[0]!.lora?.q?.scale).toBe(0.75); // 0.5 · 12 / 8
    expect(withoutAlpha.layers[0]!.lora?.q?.scale).toBe(0.5);
    expect(withAlpha.layers[0]!.lora?.q?.a.nOut).toBe(8);
    expect(weights.layers[0]!.lora).toBeUndefined(); // the input is left as it was
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
