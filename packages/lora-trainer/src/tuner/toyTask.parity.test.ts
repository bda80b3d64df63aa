import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { getLlama, type Llama, LlamaLogLevel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../loadModel.js";
import { exportGgufAdapter } from "../lora/exportGgufAdapter.js";
import { LoraAdapter } from "../lora/LoraAdapter.js";
import type { DecoderModel } from "../models/DecoderModel.js";
import { PROJECTIONS } from "../models/expectedTensors.js";
import { reverseWordBatches, reverseWordExample } from "./toyTask.js";
import { train } from "./train.js";

/**
 * Done-when: a tiny model fine-tuned on "spell a word backwards" lowers validation loss by ≥ 50%, and the exported
 * GGUF adapter in llama.cpp (createContext({ lora })) gives our merged model's log-probs (≤ 1e-4) and greedy output.
 */
const FLT_MIN_LOG = Math.log(1.1754943508222875e-38);
let llama: Llama;
let dir: string;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-toy-"));
});
afterAll(async () => {
  await llama?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Greedy continuation with our merged model (full recompute per token; the model is tiny). */
function ourGreedy(model: DecoderModel, adapter: LoraAdapter, prompt: number[], count: number): number[] {
  const { tf } = model;
  const ids = [...prompt];
  for (let i = 0; i < count; i++) {
    const next = tf.tidy(() =>
      model
        .forward(tf.tensor2d([ids], [1, ids.length], "int32"), { project: adapter.mergedProject })
        .slice([0, ids.length - 1, 0], [1, 1, -1])
        .argMax(-1),
    );
    ids.push(next.dataSync()[0]!);
    next.dispose();
  }
  return ids.slice(prompt.length);
}

describe("LoRA fine-tuning on a toy task, checked against llama.cpp", () => {
  it("halves the validation loss; llama.cpp + our adapter = our merged model", { timeout: 120_000 }, async () => {
    const modelPath = join(dir, "tiny-qwen2.gguf");
    const adapterPath = join(dir, "reverse.lora.gguf");
    await writeGguf(
      modelPath,
      tinyModelSpec({ architecture: "qwen2", dim: 64, layers: 2, heads: 4, kvHeads: 2, ffnDim: 128, seed: 5 }),
    );
    const model = await loadModel({ path: modelPath, log: () => {} });
    const adapter = LoraAdapter.create(model, { rank: 8, alpha: 16, targets: PROJECTIONS, seed: 1, log: () => {} });
    const result = await train({
      model,
      adapter,
      trainBatches: reverseWordBatches({ batches: 32, batchSize: 16, seed: 1 }),
      validationBatches: reverseWordBatches({ batches: 2, batchSize: 16, seed: 99 }),
      args: { learningRate: 1e-2, iters: 120, gradAccumulation: 1, warmupSteps: 5, maxGradNorm: 1, evalEvery: 40 },
    });
    const initial = result.validationLosses[0]!.loss;
    const final = result.validationLosses.at(-1)!.loss;
    console.log(
      `toy task: validation loss ${initial.toFixed(3)} → ${final.toFixed(3)} (${((100 * (initial - final)) / initial).toFixed(0)}% lower)`,
    );
    expect(final).toBeLessThanOrEqual(0.5 * initial);

    await exportGgufAdapter(adapter, { path: adapterPath });
    const lmModel = await llama.loadModel({ modelPath });
    const context = await lmModel.createContext({
      contextSize: 64,
      threads: 1,
      flashAttention: false,
      experimentalKvCacheKeyType: "F32",
      experimentalKvCacheValueType: "F32",
      lora: { adapters: [{ filePath: adapterPath }] },
    });
    try {
      const { ids } = reverseWordExample("fadeb");
      const sequence = context.getSequence();
      const theirs = await sequence.controlledEvaluate(
        ids.map((t) => [t as Token, { generateNext: { probabilities: true } }]),
      );
      const { tf } = model;
      const ours = tf
        .tidy(() =>
          tf.logSoftmax(
            model.forward(tf.tensor2d([ids], [1, ids.length], "int32"), { project: adapter.mergedProject }),
          ),
        )
        .dataSync();
      let worst = 0;
      let compared = 0;
      theirs.forEach((r, t) => {
        for (const [token, p] of r?.next?.probabilities ?? new Map()) {
          if (Math.log(p) <= FLT_MIN_LOG) continue;
          worst = Math.max(worst, Math.abs(Math.log(p) - ours[t * model.config.vocabSize + token]!));
          compared++;
        }
      });
      console.log(
        `toy task: llama.cpp + adapter vs merged TF.js, ${compared} log-probs, max |Δ| ${worst.toExponential(2)}`,
      );
      expect(compared).toBeGreaterThan(ids.length * 100);
      expect(worst).toBeLessThanOrEqual(1e-4);

      const prompt = ids.slice(0, 7); // <|im_start|>fadeb=
      await sequence.clearHistory();
      const llamaGreedy: number[] = [];
      for await (const token of sequence.evaluate(prompt as Token[], { temperature: 0 })) {
        llamaGreedy.push(token);
        if (llamaGreedy.length === 6) break;
      }
      const ourTokens = ourGreedy(model, adapter, prompt, 6);
      console.log(
        `toy task: greedy after "fadeb=": llama.cpp ${JSON.stringify(llamaGreedy)}, ours ${JSON.stringify(ourTokens)}`,
      );
      // node-llama-cpp's evaluate() ends at an end-of-generation token without yielding it.
      const end = ourTokens.indexOf(260);
      expect(ourTokens.slice(0, end < 0 ? 6 : end)).toEqual(llamaGreedy);
    } finally {
      await context.dispose();
      await lmModel.dispose();
      adapter.dispose();
      model.dispose();
    }
  });
});
