import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DecoderModel } from "../models/DecoderModel.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { gridOf, sweep } from "./sweep.js";
import { reverseWordBatches } from "./toyTask.js";

const random = randomModel({
  architecture: "qwen2",
  vocabSize: 261,
  dim: 16,
  layers: 1,
  heads: 2,
  kvHeads: 1,
  ffnDim: 24,
  seed: 2,
});
const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
let dir: string;
afterAll(async () => {
  model.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("sweep", () => {
  it("builds the grid from the given dimensions", () => {
    const base = { learningRate: 1e-4, rank: 8, alpha: 16, epochs: 2 };
    const grid = gridOf({ learningRate: [1e-3, 1e-2], rank: [2, 4, 8] }, base);
    expect(grid).toHaveLength(6);
    expect(grid).toContainEqual({ learningRate: 1e-2, rank: 4, alpha: 16, epochs: 2 });
  });

  it("ranks trials by validation loss, saves each trial as JSON, and survives a diverging trial", async () => {
    dir = await mkdtemp(join(tmpdir(), "lora-trainer-sweep-"));
    const result = await sweep({
      model,
      method: "random",
      trials: 3,
      seed: 4,
      space: { learningRate: [1e-4, 3e-2, 1e30], rank: [2, 4] },
      lora: { dropout: 0 },
      args: { epochs: 1, gradAccumulation: 1, warmupSteps: 0, evalEvery: 0, maxGradNorm: 0 },
      trainBatches: reverseWordBatches({ batches: 6, batchSize: 4, seed: 1 }),
      validationBatches: reverseWordBatches({ batches: 1, batchSize: 8, seed: 2 }),
      outDir: dir,
    });
    console.log(`sweep:\n${result.table}`);
    expect(result.trials).toHaveLength(3);
    expect(new Set(result.trials.map((t) => JSON.stringify(t.config))).size).toBe(3);
    const finite = result.trials.filter((t) => !t.error).map((t) => t.validationLoss);
    expect(result.best.validationLoss).toBe(Math.min(...finite));
    expect(result.table.split("\n")).toHaveLength(4);
    expect((await readdir(dir)).sort()).toEqual(["results.json", "trial-001.json", "trial-002.json", "trial-003.json"]);
    const saved = JSON.parse(await readFile(join(dir, "trial-001.json"), "utf8"));
    expect(saved.config).toEqual(result.trials[0]!.config);
    const diverged = result.trials.find((t) => t.config.learningRate === 1e30);
    expect(diverged?.error).toMatch(/NonFiniteError/);
    expect(result.trials.filter((t) => !t.error).every((t) => t.steps === 6)).toBe(true);
  });
});
