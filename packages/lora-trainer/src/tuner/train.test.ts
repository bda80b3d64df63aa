import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Tensor, Tensor2D } from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import {
  AbortError,
  CheckpointMismatchError,
  InsufficientMemoryError,
  NonFiniteError,
  TrainingConfigError,
} from "../errors.js";
import { LoraAdapter } from "../lora/LoraAdapter.js";
import { DecoderModel } from "../models/DecoderModel.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { loraTrainable, type Trainable } from "./Trainable.js";
import { reverseWordBatches } from "./toyTask.js";
import { type TrainingProgress, train } from "./train.js";

const quiet = () => {};
const random = randomModel({
  architecture: "qwen2",
  vocabSize: 261,
  dim: 32,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  ffnDim: 48,
  bias: true,
  seed: 7,
});
const model = await DecoderModel.fromSource(memorySource(random), { log: quiet });
const { tf } = model;
const batches = reverseWordBatches({ batches: 6, batchSize: 4, seed: 3 });
const validation = reverseWordBatches({ batches: 1, batchSize: 8, seed: 4 });
const dirs: string[] = [];
afterAll(async () => {
  model.dispose();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), "lora-trainer-train-"));
  dirs.push(dir);
  return dir;
};
const adapterOf = (seed = 1) => LoraAdapter.create(model, { log: quiet, seed, rank: 4, alpha: 8, dropout: 0.1 });
const bytesOf = (adapter: LoraAdapter) =>
  adapter.variables.map((v) => Buffer.from(v.dataSync().buffer).toString("hex"));
const args = { learningRate: 5e-3, iters: 12, gradAccumulation: 2, warmupSteps: 2, evalEvery: 4, checkpointEvery: 4 };

describe("train", () => {
  it("lowers the loss, reports progress every step, and keeps the tensor count flat", async () => {
    const adapter = adapterOf();
    const events: TrainingProgress[] = [];
    const counts: number[] = [];
    const result = await train({
      adapter,
      trainBatches: batches,
      validationBatches: validation,
      args,
      onProgress: (p) => {
        events.push(p);
        counts.push(tf.memory().numTensors);
      },
    });
    expect(events.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events.every((e) => e.totalSteps === 12 && e.tokensPerSecond > 0 && e.gradNorm > 0)).toBe(true);
    expect(events.at(-1)!.etaSeconds).toBe(0);
    expect(events[0]!.lr).toBeCloseTo(2.5e-3, 9); // warmup
    expect(events.filter((e) => e.validationLoss !== undefined).map((e) => e.step)).toEqual([4, 8, 12]);
    expect(result.validationLosses.map((v) => v.step)).toEqual([0, 4, 8, 12]);
    expect(result.validationLosses.at(-1)!.loss).toBeLessThan(result.validationLosses[0]!.loss);
    expect(new Set(counts).size).toBe(1);
    adapter.dispose();
  });

  it("resumes from a checkpoint and repeats the uninterrupted run exactly (losses and bytes)", async () => {
    const straight = adapterOf();
    const reference = await train({ adapter: straight, trainBatches: batches, validationBatches: validation, args });
    const dir = await tempDir();
    const interrupted = adapterOf();
    const controller = new AbortController();
    await expect(
      train({
        adapter: interrupted,
        trainBatches: batches,
        validationBatches: validation,
        args,
        checkpointDir: dir,
        signal: controller.signal,
        checkpointOnAbort: false, // this test resumes from the periodic checkpoint
        onProgress: (p) => p.step === 6 && controller.abort(),
      }),
    ).rejects.toThrow(AbortError);
    expect(await readdir(dir)).toEqual(["step-0000004.ckpt"]);
    interrupted.dispose();
    const resumed = adapterOf(99); // different init: everything must come from the checkpoint
    const result = await train({
      adapter: resumed,
      trainBatches: batches,
      validationBatches: validation,
      args,
      checkpointDir: dir,
      resume: true,
    });
    expect(result.resumedFrom).toBe(join(dir, "step-0000004.ckpt"));
    expect(result.losses).toEqual(reference.losses);
    expect(result.validationLosses).toEqual(reference.validationLosses);
    expect(bytesOf(resumed)).toEqual(bytesOf(straight));
    expect(await readdir(dir)).toEqual(["step-0000008.ckpt", "step-0000012.ckpt"]); // keepCheckpoints: 2
    await expect(
      train({
        adapter: resumed,
        trainBatches: batches,
        args: { ...args, learningRate: 1 },
        checkpointDir: dir,
        resume: true,
      }),
    ).rejects.toThrow(/learningRate 0.005 → 1/);
    await expect(
      train({
        adapter: resumed,
        trainBatches: batches,
        args: { ...args, learningRate: 1 },
        checkpointDir: dir,
        resume: true,
      }),
    ).rejects.toThrow(CheckpointMismatchError);
    straight.dispose();
    resumed.dispose();
  });

  it("lets timers and signal handlers run between micro-batches (Ctrl-C is a macrotask)", async () => {
    const adapter = adapterOf();
    const controller = new AbortController();
    const steps: number[] = [];
    setTimeout(() => controller.abort(new Error("SIGINT")), 0); // runs only if the loop yields to the event loop
    await expect(
      train({
        adapter,
        trainBatches: batches,
        args: { ...args, iters: 200, evalEvery: 0 },
        signal: controller.signal,
        onProgress: (p) => steps.push(p.step),
      }),
    ).rejects.toThrow(AbortError);
    expect(steps.length).toBeLessThan(5);
    adapter.dispose();
  });

  it("checkpoints on abort (default with checkpointDir), at a step boundary or mid-accumulation, and resumes exactly", async () => {
    const straight = adapterOf();
    const reference = await train({ adapter: straight, trainBatches: batches, validationBatches: validation, args });
    // abortAt: the training forward pass (1-based micro-batch) during which Ctrl-C arrives; 11 = first half of step 6.
    for (const { abortAt, saved } of [
      { abortAt: 12, saved: 6 }, // second micro-batch of step 6: step 6 completes, the abort lands on step 7's boundary
      { abortAt: 11, saved: 5 }, // first micro-batch of step 6: its half-accumulated gradients are dropped
    ]) {
      const dir = await tempDir();
      const interrupted = adapterOf();
      const inner = loraTrainable(interrupted);
      const controller = new AbortController();
      let calls = 0;
      const counting: Trainable = {
        ...inner,
        forward: (ids, seed) => {
          if (seed !== undefined && ++calls === abortAt) controller.abort(new Error("Ctrl-C"));
          return inner.forward(ids, seed);
        },
      };
      const written: number[] = [];
      await expect(
        train({
          fullModel: counting,
          trainBatches: batches,
          validationBatches: validation,
          args: { ...args, checkpointEvery: 0 },
          checkpointDir: dir,
          signal: controller.signal,
          onCheckpoint: (_, step) => written.push(step),
        }),
      ).rejects.toThrow(AbortError);
      expect(written).toEqual([saved]);
      expect(await readdir(dir)).toEqual([`step-000000${saved}.ckpt`]);
      interrupted.dispose();
      const resumed = adapterOf(99);
      const result = await train({
        adapter: resumed,
        trainBatches: batches,
        validationBatches: validation,
        args: { ...args, checkpointEvery: 0 },
        checkpointDir: dir,
        resume: true,
      });
      expect(result.resumedFrom).toBe(join(dir, `step-000000${saved}.ckpt`));
      expect(result.losses).toEqual(reference.losses);
      expect(result.validationLosses).toEqual(reference.validationLosses);
      expect(bytesOf(resumed)).toEqual(bytesOf(straight));
      resumed.dispose();
    }
    straight.dispose();
  });

  it("writes no checkpoint on abort with checkpointOnAbort: false", async () => {
    const dir = await tempDir();
    const adapter = adapterOf();
    const controller = new AbortController();
    await expect(
      train({
        adapter,
        trainBatches: batches,
        args: { ...args, checkpointEvery: 0 },
        checkpointDir: dir,
        checkpointOnAbort: false,
        signal: controller.signal,
        onProgress: (p) => p.step === 3 && controller.abort(),
      }),
    ).rejects.toThrow(AbortError);
    expect(await readdir(dir)).toEqual([]);
    adapter.dispose();
  });

  it("accumulating two half batches gives the update of one whole batch", async () => {
    // Same-length words, so both halves hold as many targets and the mean of means is the whole batch's mean.
    const [whole] = reverseWordBatches({ batches: 1, batchSize: 8, lengths: [4, 4], seed: 9 });
    const half = (row: number) => ({
      batchSize: 4,
      seqLen: whole!.seqLen,
      ids: whole!.ids.slice(row * whole!.seqLen, (row + 4) * whole!.seqLen),
      lossMask: whole!.lossMask.slice(row * whole!.seqLen, (row + 4) * whole!.seqLen),
      tokens: whole!.tokens / 2,
    });
    const common = { learningRate: 1e-2, iters: 1, warmupSteps: 0, shuffle: false, maxGradNorm: 0 };
    const [one, two] = [
      LoraAdapter.create(model, { log: quiet, seed: 5, dropout: 0 }),
      LoraAdapter.create(model, { log: quiet, seed: 5, dropout: 0 }),
    ];
    const norms: number[] = [];
    const onProgress = (p: TrainingProgress) => norms.push(p.gradNorm);
    const a = await train({
      adapter: one,
      trainBatches: [whole!],
      args: { ...common, gradAccumulation: 1 },
      onProgress,
    });
    const b = await train({
      adapter: two,
      trainBatches: [half(0), half(4)],
      args: { ...common, gradAccumulation: 2 },
      onProgress,
    });
    expect(b.losses[0]).toBeCloseTo(a.losses[0]!, 5);
    expect(norms[1]! / norms[0]!).toBeCloseTo(1, 5); // the averaged gradient, not only Adam's sign-like first step
    const delta = one.variables.map((v, i) =>
      Math.max(...v.dataSync().map((x, j) => Math.abs(x - two.variables[i]!.dataSync()[j]!))),
    );
    expect(Math.max(...delta)).toBeLessThan(1e-5);
    one.dispose();
    two.dispose();
  });

  it("stops early when validation stops improving", async () => {
    const adapter = adapterOf();
    // Trained on a-d words, validated on w-z words: the validation loss soon rises.
    const result = await train({
      adapter,
      trainBatches: reverseWordBatches({ batches: 6, batchSize: 4, alphabet: "abcd", seed: 5 }),
      validationBatches: reverseWordBatches({ batches: 1, batchSize: 8, alphabet: "wxyz", seed: 6 }),
      args: { learningRate: 3e-2, iters: 80, gradAccumulation: 1, evalEvery: 2, patience: 2, warmupSteps: 0 },
    });
    expect(result.stoppedEarly).toBe(true);
    expect(result.steps).toBeLessThan(80);
    const [, ...last] = result.validationLosses.slice(-3).map((v) => v.loss);
    expect(last.every((loss) => loss >= result.bestValidationLoss!)).toBe(true);
    adapter.dispose();
  });

  it("aborts between micro-batches with AbortError and releases its tensors", async () => {
    const adapter = adapterOf();
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = train({
      adapter,
      trainBatches: batches,
      args,
      signal: controller.signal,
      onProgress: (p) => p.step === 2 && controller.abort(new Error("user pressed q")),
    });
    await expect(run).rejects.toThrow(/training aborted at step 2/);
    expect(tf.memory().numTensors).toBe(before);
    adapter.dispose();
  });

  it("stops on a NaN parameter, naming the step, batch and tensor", async () => {
    const adapter = adapterOf();
    const poison = adapter.pairs[1]!.b;
    const run = train({
      adapter,
      trainBatches: batches,
      args: { ...args, shuffle: false },
      onProgress: (p) => {
        if (p.step === 3) tf.tidy(() => poison.assign(tf.fill(poison.shape, Number.NaN) as Tensor2D));
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error).toMatchObject({ step: 3, batchIndex: 0, tensorName: "blk.0.attn_k.lora_b" });
    expect(String(error)).toMatch(/NaN in blk.0.attn_k.lora_b at step 3, batch 0/);
    adapter.dispose();
  });

  it("stops on an infinite gradient from one batch, naming it", async () => {
    const adapter = adapterOf();
    const lora = loraTrainable(adapter);
    const infiniteGrad = (x: Tensor) => ({
      value: x.clone(),
      gradFunc: (dy: Tensor) => dy.mul(Number.POSITIVE_INFINITY),
    });
    // tf.customGrad's variadic typing does not accept a one-input function as written.
    const blowUp = tf.customGrad(infiniteGrad as unknown as Parameters<typeof tf.customGrad>[0]) as (
      x: Tensor,
    ) => Tensor;
    // Batch 4's logits pass through an op whose gradient is infinite.
    const poisoned: Trainable = {
      ...lora,
      forward: (tokens, seed) => {
        const logits = lora.forward(tokens, seed);
        const isBatch4 = tokens.shape[0] === 5;
        return (isBatch4 ? blowUp(logits) : logits) as ReturnType<Trainable["forward"]>;
      },
    };
    const trainBatches = [...batches.slice(0, 4), reverseWordBatches({ batches: 1, batchSize: 5, seed: 8 })[0]!];
    const error = await train({
      fullModel: poisoned,
      trainBatches,
      args: { ...args, shuffle: false, gradAccumulation: 1 },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "NonFiniteError", step: 4, batchIndex: 4 });
    expect((error as NonFiniteError).tensorName).toMatch(/^grad\(blk\.\d\.attn_\w+\.lora_[ab]\)$/);
    adapter.dispose();
  });

  it("rejects bad batches and arguments before the first step, listing every problem", async () => {
    const adapter = adapterOf();
    const bad = { ...batches[0]!, ids: batches[0]!.ids.map((id, i) => (i === 3 ? 999 : id)) };
    await expect(train({ adapter, trainBatches: [] })).rejects.toThrow(/no training batches/);
    await expect(train({ adapter, trainBatches: [batches[0]!, bad] })).rejects.toThrow(
      /train batch 1: ids\[3\] = 999 is outside the vocabulary \[0, 261\)/,
    );
    await expect(
      train({ adapter, trainBatches: batches, args: { learningRate: -1, gradAccumulation: 0 } }),
    ).rejects.toThrow(/learningRate > 0.*gradAccumulation an integer ≥ 1/);
    await expect(train({ adapter, trainBatches: batches, args: { iters: 1 } })).resolves.toMatchObject({ steps: 1 });
    // 65,536 × 64 tokens: the step's logits alone (4.4 GB) exceed the wasm heap; refused before any tensor exists.
    const huge = {
      batchSize: 65_536,
      seqLen: 64,
      ids: new Int32Array(65_536 * 64),
      lossMask: new Float32Array(65_536 * 64),
      tokens: 0,
    };
    const before = tf.memory().numTensors;
    await expect(train({ adapter, trainBatches: [huge] })).rejects.toThrow(InsufficientMemoryError);
    expect(tf.memory().numTensors).toBe(before);
    await expect(train({ trainBatches: batches })).rejects.toThrow(TrainingConfigError);
    adapter.dispose();
  });
});
