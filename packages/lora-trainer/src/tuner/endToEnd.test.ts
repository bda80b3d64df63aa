import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGgufTokenizer } from "@nomen/core-tokenizer";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDataset } from "../data/prepareDataset.js";
import { seededRandom } from "../data/seededRandom.js";
import { loadModel } from "../loadModel.js";
import { LoraAdapter } from "../lora/LoraAdapter.js";
import { train } from "./train.js";

/** Chat JSONL → the data pipeline (ChatML, assistant-only loss, length-sorted batches) → the training loop. */
let dir: string;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("chat JSONL to a fine-tuned adapter", () => {
  it("trains on prepareDataset's batches and lowers the held-out loss", { timeout: 60_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), "lora-trainer-e2e-"));
    const random = seededRandom(7);
    const lines = Array.from({ length: 240 }, () => {
      const word = Array.from({ length: 3 + Math.floor(random() * 3) }, () => "abcdef"[Math.floor(random() * 6)]).join(
        "",
      );
      return JSON.stringify({
        messages: [
          { role: "user", content: word },
          { role: "assistant", content: [...word].reverse().join("") },
        ],
      });
    });
    await writeFile(join(dir, "train.jsonl"), `${lines.join("\n")}\n`);
    const modelPath = join(dir, "tiny.gguf");
    await writeGguf(
      modelPath,
      tinyModelSpec({ architecture: "qwen2", dim: 64, layers: 2, heads: 4, kvHeads: 2, ffnDim: 128, seed: 4 }),
    );
    const model = await loadModel({ path: modelPath, log: () => {} });
    const dataset = await prepareDataset({
      path: join(dir, "train.jsonl"),
      tokenizer: await loadGgufTokenizer(modelPath),
      maxLength: 64,
      batchSize: 8,
      validationFraction: 0.1,
      seed: 1,
    });
    const adapter = LoraAdapter.create(model, {
      rank: 8,
      alpha: 16,
      targets: ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_up"],
      log: () => {},
    });
    const result = await train({
      model,
      adapter,
      trainBatches: dataset.train,
      validationBatches: dataset.validation,
      args: { learningRate: 1e-2, epochs: 3, gradAccumulation: 1, warmupSteps: 3, maxGradNorm: 1, evalEvery: 0 },
    });
    const [initial, final] = [result.validationLosses[0]!.loss, result.validationLosses.at(-1)!.loss];
    console.log(
      `chat JSONL → ${dataset.train.length} train / ${dataset.validation.length} validation batches, ${result.steps} steps: validation loss ${initial.toFixed(3)} → ${final.toFixed(3)}`,
    );
    expect(result.steps).toBe(3 * dataset.train.length);
    expect(final).toBeLessThan(0.6 * initial);
    adapter.dispose();
    model.dispose();
  });
});
