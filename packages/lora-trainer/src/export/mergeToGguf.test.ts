import { access, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { f32, GgmlType, openGguf, readTensor, str, type TinyModelOptions, tinyModelSpec, writeGguf } from "@nomen/gguf";
import type { Tensor2D } from "@tensorflow/tfjs";
import { getLlama, type Llama, LlamaLogLevel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdapterBaseMismatchError, AdapterFormatError } from "../errors.js";
import { loadModel } from "../loadModel.js";
import { exportGgufAdapter } from "../lora/exportGgufAdapter.js";
import { type CreateLoraOptions, LoraAdapter } from "../lora/LoraAdapter.js";
import { PROJECTIONS } from "../models/expectedTensors.js";
import { FLT_MIN_LOG, llamaCppLogProbs as llamaCppLogProbsFor } from "../testing/llamaCppLogProbs.js";
import { type MergedType, mergeToGguf } from "./mergeToGguf.js";

/** Merged GGUF in llama.cpp vs base GGUF + our GGUF LoRA adapter in llama.cpp: the same model, two ways. */
const TOKENS = [260, 72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 33, 10, 7, 258];
let llama: Llama;
let dir: string;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-merge-"));
});
afterAll(async () => {
  await llama?.dispose();
  await rm(dir, { recursive: true, force: true });
});

function llamaCppLogProbs(modelPath: string, adapterPath?: string): Promise<Map<number, number>[]> {
  return llamaCppLogProbsFor(llama, { modelPath, tokens: TOKENS, adapterPath });
}

/** Max |Δ log p| over tokens both engines give above FLT_MIN, and how many positions agree on the argmax. */
function compare(a: Map<number, number>[], b: Map<number, number>[]) {
  let worst = 0;
  let sameArgmax = 0;
  a.forEach((distribution, t) => {
    const other = b[t]!;
    for (const [token, logP] of distribution) {
      const theirs = other.get(token);
      if (logP > FLT_MIN_LOG && theirs !== undefined && theirs > FLT_MIN_LOG)
        worst = Math.max(worst, Math.abs(logP - theirs));
    }
    if ([...distribution.keys()][0] === [...other.keys()][0]) sameArgmax++;
  });
  return { worst, sameArgmax };
}

async function trainedLikeAdapter(name: string, modelOptions: TinyModelOptions, loraOptions: CreateLoraOptions) {
  const basePath = join(dir, `${name}.gguf`);
  const adapterPath = join(dir, `${name}.lora.gguf`);
  await writeGguf(basePath, tinyModelSpec({ ...modelOptions, seed: 8 }));
  const model = await loadModel({ path: basePath, log: () => {} });
  const adapter = LoraAdapter.create(model, { ...loraOptions, seed: 4, log: () => {} });
  adapter.pairs.forEach((p, i) => {
    p.b.assign(model.tf.randomNormal(p.b.shape, 0, 0.6 / adapter.scale, "float32", 70 + i) as Tensor2D);
  });
  await exportGgufAdapter(adapter, { path: adapterPath });
  return { basePath, adapterPath, model, adapter };
}

const cases: Array<[string, TinyModelOptions, CreateLoraOptions]> = [
  [
    "qwen2-all-targets",
    { architecture: "qwen2", dim: 64, heads: 4, kvHeads: 2, layers: 2, ffnDim: 96 },
    { rank: 4, alpha: 8, targets: PROJECTIONS },
  ],
  [
    "llama-rslora",
    { architecture: "llama", dim: 64, heads: 4, kvHeads: 2, layers: 2, ffnDim: 96, tiedOutput: true },
    { rsLora: true },
  ],
];

describe("mergeToGguf", () => {
  it.each(cases)(
    "%s: merged F32 GGUF = base + adapter in llama.cpp (≤ 1e-4); F16 and Q8_0 merges load and agree",
    async (name, modelOptions, loraOptions) => {
      const { basePath, adapterPath, model, adapter } = await trainedLikeAdapter(name, modelOptions, loraOptions);
      const withAdapter = await llamaCppLogProbs(basePath, adapterPath);
      const base = await llamaCppLogProbs(basePath);
      const results: Partial<Record<MergedType, { worst: number; sameArgmax: number }>> = {};
      for (const type of ["F32", "F16", "Q8_0"] as const) {
        const mergedPath = join(dir, `${name}.merged.${type}.gguf`);
        const report = await mergeToGguf(adapter, { base: basePath, path: mergedPath, type });
        expect(report.merged).toBe(adapter.pairs.length);
        expect(report.fallbackToF16).toEqual([]);
        results[type] = compare(withAdapter, await llamaCppLogProbs(mergedPath));
        const merged = await openGguf(mergedPath);
        const original = await openGguf(basePath);
        expect(Object.keys(merged.metadata).sort()).toEqual(
          [...new Set([...Object.keys(original.metadata), "general.file_type"])].sort(),
        );
        expect(merged.metadata["tokenizer.ggml.tokens"]).toEqual(original.metadata["tokenizer.ggml.tokens"]);
        expect(merged.tensors.map((t) => t.name)).toEqual(original.tensors.map((t) => t.name));
        const q = merged.tensors.find((t) => t.name === "blk.0.attn_q.weight")!;
        expect(q.type).toBe({ F32: GgmlType.F32, F16: GgmlType.F16, Q8_0: GgmlType.Q8_0 }[type]);
        expect(merged.tensors.find((t) => t.name === "output_norm.weight")!.type).toBe(GgmlType.F32);
      }
      // Merging from the adapter file (readGgufAdapter) gives the same weights as merging the live adapter.
      const fromFile = join(dir, `${name}.merged-from-file.gguf`);
      await mergeToGguf(adapterPath, { base: basePath, path: fromFile, type: "F32" });
      const [live, read] = await Promise.all([openGguf(join(dir, `${name}.merged.F32.gguf`)), openGguf(fromFile)]);
      let worstWeight = 0;
      for (const t of live.tensors) {
        const [x, y] = await Promise.all([readTensor(live, t.name), readTensor(read, t.name)]);
        for (let i = 0; i < x.length; i++) worstWeight = Math.max(worstWeight, Math.abs(x[i]! - y[i]!));
      }
      expect(worstWeight).toBeLessThan(1e-6);
      const effect = compare(withAdapter, base);
      console.log(
        `${name}: llama.cpp base+adapter vs merged: F32 ${results.F32!.worst.toExponential(2)}, F16 ${results.F16!.worst.toExponential(2)} ` +
          `(argmax ${results.F16!.sameArgmax}/16), Q8_0 ${results.Q8_0!.worst.toExponential(2)} (argmax ${results.Q8_0!.sameArgmax}/16); adapter effect ${effect.worst.toFixed(2)}`,
      );
      expect(effect.worst).toBeGreaterThan(0.1); // the adapter matters, so the agreement is not vacuous
      expect(results.F32!.worst).toBeLessThanOrEqual(1e-4);
      expect(results.F32!.sameArgmax).toBe(16);
      // F16 and Q8_0 are lossy (and llama.cpp rounds activations to match them): bound the error by the adapter's effect.
      expect(results.F16!.worst).toBeLessThan(effect.worst / 100);
      expect(results.F16!.sameArgmax).toBe(16);
      expect(results.Q8_0!.worst).toBeLessThan(effect.worst / 4);
      expect(results.Q8_0!.sameArgmax).toBeGreaterThanOrEqual(14);
      adapter.dispose();
      model.dispose();
    },
  );

  it("refuses a base of another architecture or shape, naming the differences, and writes nothing", async () => {
    const { model, adapter } = await trainedLikeAdapter(
      "mismatch-src",
      { architecture: "qwen2", dim: 64, layers: 2, ffnDim: 96 },
      { rank: 4 },
    );
    const otherBase = join(dir, "other-base.gguf");
    await writeGguf(otherBase, tinyModelSpec({ architecture: "llama", dim: 32, layers: 1, ffnDim: 96 }));
    const out = join(dir, "mismatch-out.gguf");
    const error = await mergeToGguf(adapter, { base: otherBase, path: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterBaseMismatchError);
    expect((error as Error).message).toMatch(/architecture: adapter qwen2, base llama/);
    expect((error as Error).message).toMatch(/dim: adapter 64, base 32/);
    expect((error as Error).message).toMatch(/blk\.1\.attn_q\.weight is not in the base/);
    await expect(access(out)).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.startsWith("mismatch-out"))).toEqual([]);
    adapter.dispose();
    model.dispose();
  });
  it("reads adapter files as llama.cpp would: refuses a model file, unpaired or ragged tensors, and another architecture", async () => {
    const basePath = join(dir, "file-checks-base.gguf");
    await writeGguf(basePath, tinyModelSpec({ architecture: "qwen2", dim: 64, layers: 1 }));
    const out = join(dir, "file-checks-out.gguf");
    await expect(mergeToGguf(basePath, { base: basePath, path: out })).rejects.toThrow(AdapterFormatError);
    const adapterFile = async (name: string, architecture: string, tensors: Array<[string, number[]]>) => {
      const path = join(dir, name);
      const metadata = {
        "general.architecture": str(architecture),
        "general.type": str("adapter"),
        "adapter.type": str("lora"),
        "adapter.lora.alpha": f32(8),
      };
      const specs = tensors.map(([tensor, shape]) => ({
        name: tensor,
        shape,
        type: GgmlType.F32,
        data: new Float32Array(shape[0]! * shape[1]!).fill(0.01),
      }));
      await writeGguf(path, { metadata, tensors: specs }, { validate: "structure" });
      return path;
    };
    const unpaired = await adapterFile("unpaired.gguf", "qwen2", [["blk.0.attn_q.weight.lora_a", [64, 4]]]);
    await expect(mergeToGguf(unpaired, { base: basePath, path: out })).rejects.toThrow(
      /has lora_a but not its partner/,
    );
    const ragged = await adapterFile("ragged.gguf", "qwen2", [
      ["blk.0.attn_q.weight.lora_a", [64, 4]],
      ["blk.0.attn_q.weight.lora_b", [2, 64]],
    ]);
    await expect(mergeToGguf(ragged, { base: basePath, path: out })).rejects.toThrow(/do not share a rank/);
    const llamaAdapter = await adapterFile("llama-adapter.gguf", "llama", [
      ["blk.0.attn_q.weight.lora_a", [64, 4]],
      ["blk.0.attn_q.weight.lora_b", [4, 64]],
      ["blk.3.attn_v.weight.lora_a", [64, 4]],
      ["blk.3.attn_v.weight.lora_b", [4, 32]],
    ]);
    const error = await mergeToGguf(llamaAdapter, { base: basePath, path: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterBaseMismatchError);
    expect((error as Error).message).toMatch(
      /architecture: adapter llama, base qwen2.*blk\.3\.attn_v\.weight is not in the base/,
    );
    await expect(access(out)).rejects.toThrow();
  });
});
