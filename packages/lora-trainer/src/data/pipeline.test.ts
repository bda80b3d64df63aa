import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGgufTokenizer } from "@nomen/core-tokenizer";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../loadModel.js";
import { nextTokenLoss } from "../lora/nextTokenLoss.js";
import type { DecoderModel } from "../models/DecoderModel.js";
import { makeBatches, splitValidation } from "./batching.js";
import { loadExamples } from "./parseExamples.js";
import type { TokenBatch } from "./TokenBatch.js";
import { tokenizeExamples } from "./tokenizeExamples.js";

/** JSONL file → GGUF tokenizer → masks → padded batches → the model's loss, end to end on a tiny random model. */
let dir: string;
let modelPath: string;
let model: DecoderModel;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-pipeline-"));
  modelPath = join(dir, "tiny.gguf");
  await writeGguf(
    modelPath,
    tinyModelSpec({ architecture: "qwen2", dim: 32, layers: 1, heads: 4, kvHeads: 2, ffnDim: 48 }),
  );
  model = await loadModel({ path: modelPath, log: () => {} });
});
afterAll(async () => {
  model?.dispose();
  await rm(dir, { recursive: true, force: true });
});

function batchLoss(batch: TokenBatch): number {
  const { tf } = model;
  return tf.tidy(() => {
    const ids = tf.tensor2d(batch.ids, [batch.batchSize, batch.seqLen], "int32");
    const mask = tf.tensor2d(batch.lossMask, [batch.batchSize, batch.seqLen]);
    return nextTokenLoss(tf, model.forward(ids), ids, mask).dataSync()[0]!;
  });
}

describe("data pipeline", () => {
  it("turns a completion JSONL file into batches whose padding does not change the loss", async () => {
    const words = ["lyon", "oslo", "paris", "bern", "rome", "kyiv", "lima", "quito", "accra", "hanoi"];
    const path = join(dir, "train.jsonl");
    await writeFile(
      path,
      `${words.map((w, i) => JSON.stringify({ prompt: `Bakery ${"in ".repeat(i)}${w}`, completion: `${w}bread.com` })).join("\n")}\n`,
    );
    const { examples } = await loadExamples(path);
    const tokenizer = await loadGgufTokenizer(modelPath);
    const { examples: tokenized, report } = tokenizeExamples(examples, { tokenizer, maxLength: 128 });
    expect(report).toMatchObject({ examples: 10, kept: 10, truncated: 0, skipped: 0 });
    const { train, validation } = splitValidation(tokenized, { fraction: 0.2, seed: 7 });
    expect([train.length, validation.length]).toEqual([8, 2]);
    const batches = makeBatches(train, {
      batchSize: 4,
      padId: tokenizer.specialTokenId("<|endoftext|>")!,
      padMultiple: 8,
      seed: 1,
    });
    expect(batches.map((b) => b.seqLen % 8)).toEqual([0, 0]);
    expect(batches.reduce((n, b) => n + b.tokens, 0)).toBe(train.reduce((n, e) => n + e.ids.length, 0));
    // Right padding with causal attention: each row's loss in the padded batch equals its loss alone.
    for (const batch of batches) {
      let weighted = 0;
      let targets = 0;
      for (let row = 0; row < batch.batchSize; row++) {
        const rowMask = batch.lossMask.subarray(row * batch.seqLen, (row + 1) * batch.seqLen);
        const length = rowMask.lastIndexOf(1) + 1;
        const alone: TokenBatch = {
          batchSize: 1,
          seqLen: length,
          ids: batch.ids.slice(row * batch.seqLen, row * batch.seqLen + length),
          lossMask: rowMask.slice(0, length),
          tokens: length,
        };
        const count = rowMask.reduce((n, m) => n + m, 0);
        weighted += batchLoss(alone) * count;
        targets += count;
      }
      expect(batchLoss(batch)).toBeCloseTo(weighted / targets, 4);
    }
  });
});
