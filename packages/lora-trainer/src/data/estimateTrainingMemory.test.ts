import { describe, expect, it } from "vitest";
import { InsufficientMemoryError } from "../errors.js";
import { LoraAdapter } from "../lora/LoraAdapter.js";
import { countLoraParameters } from "../lora/loraConfig.js";
import { nextTokenLoss } from "../lora/nextTokenLoss.js";
import { estimateMemory } from "../memory.js";
import { DecoderModel } from "../models/DecoderModel.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { qwen25Config, specSource } from "../testing/specSource.js";
import { estimateTrainingMemory } from "./estimateTrainingMemory.js";
import { validateTrainingPlan } from "./validateTrainingPlan.js";

const shapes = [
  { dim: 64, ffnDim: 128, vocabSize: 261, batch: 4, seqLen: 64 },
  { dim: 128, ffnDim: 256, vocabSize: 1024, batch: 2, seqLen: 128 },
  { dim: 256, ffnDim: 1024, vocabSize: 4096, batch: 2, seqLen: 128 },
];

/**
 * Bytes the backend really holds: tensor data allocated (`move`) until its last reference is disposed. tf.profile's
 * peakBytes counts every tensor, so it counts data shared by reshapes and clones more than once.
 */
function trackAllocatedBytes(backend: object): { peakSince(): number; reset(): void; restore(): void } {
  const wasm = backend as {
    move(dataId: object, values: unknown, shape: number[], dtype: string, refCount: number): void;
    disposeData(dataId: object, force?: boolean): boolean;
    dataIdMap: { has(dataId: object): boolean };
  };
  const sizes = new Map<object, number>();
  let live = 0;
  let peak = 0;
  const move = wasm.move.bind(wasm);
  const disposeData = wasm.disposeData.bind(wasm);
  wasm.move = (dataId, values, shape, dtype, refCount) => {
    move(dataId, values, shape, dtype, refCount);
    const bytes = shape.reduce((p, d) => p * d, 1) * 4;
    sizes.set(dataId, bytes);
    live += bytes;
    peak = Math.max(peak, live);
  };
  wasm.disposeData = (dataId, force) => {
    const result = disposeData(dataId, force);
    if (sizes.has(dataId) && !wasm.dataIdMap.has(dataId)) {
      live -= sizes.get(dataId)!;
      sizes.delete(dataId);
    }
    return result;
  };
  let base = 0;
  return {
    reset: () => {
      base = live;
      peak = live;
    },
    peakSince: () => peak - base,
    restore: () => {
      wasm.move = move;
      wasm.disposeData = disposeData;
    },
  };
}

describe("estimateTrainingMemory", () => {
  it.each(shapes)("stays above the bytes a LoRA step allocates at its peak, by at most 30% (%o)", async (shape) => {
    const random = randomModel({
      architecture: "qwen2",
      ...shape,
      layers: 2,
      heads: 4,
      kvHeads: 2,
      contextLength: 256,
      seed: 1,
    });
    const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
    const { tf } = model;
    const adapter = LoraAdapter.create(model, { log: () => {} });
    adapter.training = true;
    const optimizer = tf.train.adam(1e-3);
    const ids = tf.tensor2d(
      Array.from({ length: shape.batch * shape.seqLen }, (_, i) => (i * 7) % shape.vocabSize),
      [shape.batch, shape.seqLen],
      "int32",
    );
    const step = () => {
      optimizer.minimize(() => nextTokenLoss(tf, adapter.forward(ids), ids), false, adapter.variables);
    };
    step(); // creates the optimizer's moments
    const allocated = trackAllocatedBytes(tf.engine().backend);
    allocated.reset();
    step();
    const measured = allocated.peakSince();
    allocated.restore();
    const estimate = estimateTrainingMemory({
      config: model.config,
      // Only the step's own allocations: not the weights, nor XNNPACK's packed copies (allocated inside wasm).
      memory: { ...model.memory, backend: "cpu", packedBytes: 0, weightBytes: 0 },
      batchSize: shape.batch,
      seqLen: shape.seqLen,
      trainableParameters: adapter.trainableParameters,
    });
    console.log(
      `dim ${shape.dim}, ${shape.batch}×${shape.seqLen}: measured peak ${(measured / 2 ** 20).toFixed(1)} MiB, estimate ${(estimate.totalBytes / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(estimate.totalBytes).toBeGreaterThanOrEqual(measured);
    expect(estimate.totalBytes).toBeLessThanOrEqual(1.3 * measured);
    ids.dispose();
    optimizer.dispose();
    adapter.dispose();
    model.dispose();
  });

  it("refuses, before allocating anything, a Qwen2.5-3B step that cannot fit the wasm heap", () => {
    const config = qwen25Config("3B");
    const memory = estimateMemory(specSource(config), config, { backend: "wasm", tokens: 1 });
    const plan = { config, lora: {}, batchSize: 1, maxLength: 256, memory };
    expect(() => validateTrainingPlan(plan)).toThrow(InsufficientMemoryError);
    expect(() => validateTrainingPlan(plan)).toThrow(/needs ~.* GiB .* wasm backend has 3\.75 GiB.*tfjs-node/);
    const native = { ...memory, backend: "tensorflow" as const, packedBytes: 0, limitBytes: 64 * 2 ** 30 };
    expect(() => validateTrainingPlan({ ...plan, memory: native })).not.toThrow();
    // Attention scores grow with seqLen²: 2,048 tokens do not fit even 64 GiB with materialized attention.
    expect(() => validateTrainingPlan({ ...plan, maxLength: 2048, memory: native })).toThrow(/activations .* GiB/);
    const huge = estimateTrainingMemory({
      config,
      memory: native,
      batchSize: 8,
      seqLen: 4096,
      trainableParameters: countLoraParameters(config),
    });
    expect(huge.fits).toBe(false);
    expect(huge.activationBytes).toBeGreaterThan(huge.modelBytes);
  });
});
