import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Tokenizer, vocabularyFromGgufMetadata } from "@nomen/core-tokenizer";
import { byteLevelVocabMetadata } from "@nomen/gguf";
import { getLlama, type Llama, LlamaLogLevel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { loadModel } from "../loadModel.js";
import { FullModel } from "./FullModel.js";
import { reverseWordBatches, reverseWordExample } from "./toyTask.js";
import { train } from "./train.js";
import { writeFullModelGguf } from "./writeFullModelGguf.js";

const FLT_MIN_LOG = Math.log(1.1754943508222875e-38);
let llama: Llama;
let dir: string;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-full-"));
});
afterAll(async () => {
  await llama?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("FullModel: from-scratch training of every weight", () => {
  it("rejects impossible shapes by name", async () => {
    await expect(
      FullModel.create({ vocabSize: 10, dim: 30, layers: 1, heads: 4, ffnDim: 8, log: () => {} }),
    ).rejects.toThrow(InvalidInputError);
  });

  it("trains embeddings and all layers, then writes a GGUF llama.cpp agrees with (≤ 1e-4)", {
    timeout: 120_000,
  }, async () => {
    const model = await FullModel.create({
      vocabSize: 261,
      dim: 32,
      layers: 2,
      heads: 4,
      kvHeads: 2,
      ffnDim: 64,
      contextLength: 64,
      seed: 3,
      log: () => {},
    });
    const { tf } = model;
    const embeddingBefore = model.weights.output.dataSync().slice();
    const counts: number[] = [];
    const result = await train({
      fullModel: model,
      trainBatches: reverseWordBatches({ batches: 16, batchSize: 16, seed: 1 }),
      validationBatches: reverseWordBatches({ batches: 1, batchSize: 16, seed: 2 }),
      args: {
        learningRate: 1e-2,
        iters: 60,
        gradAccumulation: 1,
        warmupSteps: 5,
        maxGradNorm: 1,
        evalEvery: 30,
        weightDecay: 0.1,
      },
      onProgress: () => counts.push(tf.memory().numTensors),
    });
    const [initial, final] = [result.validationLosses[0]!.loss, result.validationLosses.at(-1)!.loss];
    console.log(
      `from scratch (${model.parameterCount} params, tied embeddings, ${model.tf.getBackend()}): validation loss ${initial.toFixed(3)} → ${final.toFixed(3)}`,
    );
    expect(final).toBeLessThan(0.55 * initial);
    expect(new Set(counts).size).toBe(1);
    // The embedding (the tied head) was trained through gather's gradient, not only through the head.
    const embeddingAfter = model.weights.output.dataSync();
    const rowChanged = (row: number) =>
      embeddingAfter.slice(row * 32, row * 32 + 32).some((v, i) => v !== embeddingBefore[row * 32 + i]);
    expect(rowChanged(259)).toBe(true); // <|im_start|> is only ever an input, so only the gather gradient moves it

    const path = join(dir, "scratch.gguf");
    const tokenizer = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(byteLevelVocabMetadata()));
    await writeFullModelGguf(model, { path, tokenizer });
    const { ids } = reverseWordExample("cabed");
    const ours = tf.tidy(() => tf.logSoftmax(model.forward(tf.tensor2d([ids], [1, ids.length], "int32")))).dataSync();
    const reloaded = await loadModel({ path, log: () => {} });
    const roundTrip = (await reloaded.logProbs([ids]))[0]!;
    let worstReload = 0;
    roundTrip.forEach((row, t) => {
      row.forEach((v, token) => {
        worstReload = Math.max(worstReload, Math.abs(v - ours[t * 261 + token]!));
      });
    });
    reloaded.dispose();
    const lmModel = await llama.loadModel({ modelPath: path });
    const context = await lmModel.createContext({
      contextSize: 64,
      threads: 1,
      flashAttention: false,
      experimentalKvCacheKeyType: "F32",
      experimentalKvCacheValueType: "F32",
    });
    const theirs = await context
      .getSequence()
      .controlledEvaluate(ids.map((t) => [t as Token, { generateNext: { probabilities: true } }]));
    let worst = 0;
    theirs.forEach((r, t) => {
      for (const [token, p] of r?.next?.probabilities ?? new Map()) {
        if (Math.log(p) > FLT_MIN_LOG) worst = Math.max(worst, Math.abs(Math.log(p) - ours[t * 261 + token]!));
      }
    });
    await context.dispose();
    await lmModel.dispose();
    console.log(
      `from scratch: GGUF reloaded by us max |Δ log p| ${worstReload.toExponential(2)}, by llama.cpp ${worst.toExponential(2)}`,
    );
    expect(worstReload).toBeLessThanOrEqual(1e-5);
    expect(worst).toBeLessThanOrEqual(1e-4);
    model.dispose();
  });
});
