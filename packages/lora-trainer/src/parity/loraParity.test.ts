import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GgmlType, type TinyModelOptions, tinyModelSpec, writeGguf } from "@nomen/gguf";
import type { Tensor2D } from "@tensorflow/tfjs";
import { getLlama, type Llama, LlamaLogLevel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../loadModel.js";
import { exportGgufAdapter } from "../lora/exportGgufAdapter.js";
import { type CreateLoraOptions, LoraAdapter } from "../lora/LoraAdapter.js";
import { PROJECTIONS } from "../models/expectedTensors.js";
import { FLT_MIN_LOG, llamaCppLogProbs as llamaCppLogProbsFor } from "../testing/llamaCppLogProbs.js";

/** Our exported GGUF LoRA, loaded by llama.cpp through createContext({ lora }), vs our adapted and merged forwards. */
const cases: Array<[string, TinyModelOptions, CreateLoraOptions]> = [
  [
    "qwen2, all 7 targets, r=4 alpha=8",
    { architecture: "qwen2", dim: 32, heads: 4, kvHeads: 2, layers: 2, ffnDim: 48 },
    { rank: 4, alpha: 8, targets: PROJECTIONS },
  ],
  [
    "qwen2 on a Q8_0 base, q/v/ffn_up",
    { architecture: "qwen2", dim: 64, heads: 4, kvHeads: 2, layers: 2, ffnDim: 96, typeOf: q8Matrices },
    { rank: 4, alpha: 4, targets: ["attn_q", "attn_v", "ffn_up"] },
  ],
  [
    "llama, defaults (q/k/v/o, r=8, alpha=16), rsLoRA",
    { architecture: "llama", dim: 64, heads: 4, kvHeads: 2, layers: 2, ffnDim: 96, tiedOutput: true },
    { rsLora: true },
  ],
];
function q8Matrices(name: string) {
  return name.endsWith("norm.weight") || name.endsWith(".bias") ? GgmlType.F32 : GgmlType.Q8_0;
}
const TOKENS = [260, 72, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 33, 10, 7, 258];
let llama: Llama;
let dir: string;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-lora-parity-"));
});
afterAll(async () => {
  await llama?.dispose();
  await rm(dir, { recursive: true, force: true });
});

function llamaCppLogProbs(modelPath: string, adapterPath?: string): Promise<Map<number, number>[]> {
  return llamaCppLogProbsFor(llama, { modelPath, tokens: TOKENS, adapterPath });
}

function maxDelta(theirs: Map<number, number>[], ours: ArrayLike<number>, vocab: number): number {
  let worst = 0;
  theirs.forEach((distribution, t) => {
    for (const [token, logP] of distribution) {
      if (logP > FLT_MIN_LOG) worst = Math.max(worst, Math.abs(logP - (ours[t * vocab + token] as number)));
    }
  });
  return worst;
}

describe("GGUF LoRA adapter vs llama.cpp", () => {
  it.each(cases)(
    "%s: llama.cpp with our adapter = our adapted model (≤ 1e-4)",
    async (name, modelOptions, loraOptions) => {
      const modelPath = join(dir, `${name.replace(/\W+/g, "-")}.gguf`);
      const adapterPath = join(dir, `${name.replace(/\W+/g, "-")}.lora.gguf`);
      await writeGguf(modelPath, tinyModelSpec({ ...modelOptions, seed: 21 }));
      const model = await loadModel({ path: modelPath, log: () => {} });
      const { tf } = model;
      const adapter = LoraAdapter.create(model, { ...loraOptions, seed: 3, log: () => {} });
      adapter.pairs.forEach((p, i) => {
        p.b.assign(tf.randomNormal(p.b.shape, 0, 0.6 / adapter.scale, "float32", 100 + i) as Tensor2D);
      });
      await exportGgufAdapter(adapter, { path: adapterPath });
      const ids = tf.tensor2d([TOKENS], [1, TOKENS.length], "int32");
      const logProbsOf = (project?: typeof adapter.project) =>
        tf.tidy(() => tf.logSoftmax(model.forward(ids, project ? { project } : {}))).dataSync();
      const merged = logProbsOf(adapter.mergedProject);
      const unmerged = logProbsOf(adapter.project);
      const base = logProbsOf();
      const vocab = model.config.vocabSize;
      const withAdapter = await llamaCppLogProbs(modelPath, adapterPath);
      const deltaMerged = maxDelta(withAdapter, merged, vocab);
      const deltaUnmerged = maxDelta(withAdapter, unmerged, vocab);
      const adapterEffect = maxDelta(withAdapter, base, vocab);
      console.log(
        `${name}: max |Δ log p| llama.cpp+adapter vs merged ${deltaMerged.toExponential(2)}, vs unmerged ${deltaUnmerged.toExponential(2)}; adapter moves log p by up to ${adapterEffect.toFixed(2)}`,
      );
      expect(adapterEffect).toBeGreaterThan(0.1); // the adapter matters, so agreement is not vacuous
      expect(deltaUnmerged).toBeLessThanOrEqual(1e-4);
      // llama.cpp applies an adapter unmerged (B·(A·x) on the unrounded x). Merged into a quantized base, the delta
      // would pass through the base's activation rounding too, so merged = llama.cpp holds for float bases only.
      if (modelOptions.typeOf) expect(deltaMerged).toBeGreaterThan(1e-3);
      else expect(deltaMerged).toBeLessThanOrEqual(1e-4);
      ids.dispose();
      adapter.dispose();
      model.dispose();
    },
  );
});
