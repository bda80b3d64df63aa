/**
 * `pnpm --filter @nomen/lora-trainer bench:train`: LoRA training speed, in one run —
 *   1. the backend's dense 2D matmul GFLOP/s (the ceiling),
 *   2. LoRA training steps (r=8, alpha=16, q/k/v/o, AdamW, clipping) on a dim-512 / 8-layer model: tokens/s and
 *      achieved GFLOP/s, and attention's share of the step (its matmuls + softmax, forward and backward, timed alone),
 *   3. a few steps on the Qwen2.5-0.5B shape, all 24 layers, 1×64 tokens (Q8_0 file, dequantized to float32;
 *      BENCH_QWEN=0 skips it, BENCH_QWEN_LAYERS / BENCH_QWEN_SEQ change it), with the heap it reached,
 *   4. the same dim-512 step in PyTorch on the CPU (Debian python3-torch + OpenBLAS, apt-installed here on first
 *      run; BENCH_TORCH=0 skips it), with the ratio.
 * FLOPs per LoRA step: projections and head 2·(2·params·tokens) (forward + input gradients; the base is frozen),
 * attention 3 × its forward 4·B·H·T²·hd per layer; LoRA's own rank-8 terms are left out (< 2%).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BenchSuite, benchEnvironment } from "@nomen/bench";
import type { Tensor } from "@tensorflow/tfjs";
import {
  type DecoderConfig,
  DecoderModel,
  estimateTrainingMemory,
  LoraAdapter,
  loadModel,
  loadTf,
  type TokenBatch,
  type TrainingMemoryReport,
  train,
  wasmHeapBytes,
} from "../src/index.js";
import { PROJECTIONS, projectionShape } from "../src/models/expectedTensors.js";
import { memorySource, randomModel } from "../src/testing/randomModel.js";
import { qwen25Config } from "../src/testing/specSource.js";
import { writeQwenShapedQ8 } from "./writeQwenShapedQ8.js";

const SMALL = { vocabSize: 4096, dim: 512, layers: 8, heads: 8, kvHeads: 2, ffnDim: 1536 };
const [BATCH, SEQ] = [4, 128];
const REPEATS = Number(process.env["BENCH_REPEATS"] ?? 3);
const QWEN_LAYERS = Number(process.env["BENCH_QWEN_LAYERS"] ?? 24);
const QWEN_SEQ = Number(process.env["BENCH_QWEN_SEQ"] ?? 64);
const { tf, backend } = await loadTf();
const suite = new BenchSuite("lora-trainer training (LoRA r=8 q/k/v/o)");
const quiet = () => {};

function loraStepFlops(config: DecoderConfig, batch: number, seq: number): { total: number; attention: number } {
  const perLayer = PROJECTIONS.reduce((n, p) => n + projectionShape(config, p).reduce((a, b) => a * b, 1), 0);
  const matmulParams = perLayer * config.layers + config.vocabSize * config.dim;
  const attentionForward = config.layers * 4 * batch * config.heads * seq * seq * config.headDim;
  return { total: 4 * matmulParams * batch * seq + 3 * attentionForward, attention: 3 * attentionForward };
}

function randomBatch(vocab: number, batch: number, seq: number, seed: number): TokenBatch {
  const ids = Int32Array.from({ length: batch * seq }, (_, i) => (i * 7919 + seed * 104729) % vocab);
  return { batchSize: batch, seqLen: seq, ids, lossMask: new Float32Array(batch * seq).fill(1), tokens: batch * seq };
}

/** One optimizer step per call (train() with iters 1: batch validation and AdamW set-up included, both ~1 ms). */
function trainStep(adapter: LoraAdapter, batch: TokenBatch) {
  return () =>
    train({ adapter, trainBatches: [batch], args: { iters: 1, gradAccumulation: 1, warmupSteps: 0, evalEvery: 0 } });
}

// 1. The ceiling: dense 2D matmul on one wasm thread (the backend as loadTf sets it up), measured before and after
// the dim-512 steps; the ratio uses the higher of the two (load on this shared box moves both).
async function measureCeiling(when: string): Promise<number> {
  const rates: number[] = [];
  for (const n of [512, 1024]) {
    const a = tf.randomNormal([n, n]);
    const b = tf.randomNormal([n, n]);
    const result = await suite.add({
      name: `matmul ${n}×${n} (${when})`,
      backend,
      work: { amount: 2 * n ** 3, unit: "FLOP" },
      warmup: 2,
      repeats: 5,
      fn: async () => {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      },
    });
    rates.push(result.perSecond ?? 0);
    tf.dispose([a, b]);
  }
  return Math.max(...rates);
}
const ceilingBefore = await measureCeiling("before");

// 2. dim-512 / 8-layer LoRA step, and attention alone.
const small = await DecoderModel.fromSource(
  memorySource(randomModel({ architecture: "qwen2", ...SMALL, bias: true, contextLength: 512, seed: 1 })),
  { log: quiet, plannedTokens: BATCH * SEQ },
);
const smallConfig = small.config;
const smallFlops = loraStepFlops(smallConfig, BATCH, SEQ);
const smallFlopsTotal = () => smallFlops.total;
const adapter = LoraAdapter.create(small, { log: quiet });
const step = await suite.add({
  name: `LoRA step dim-512 8 layers, ${BATCH}×${SEQ}`,
  backend,
  work: { amount: BATCH * SEQ, unit: "tok" },
  warmup: 1,
  repeats: REPEATS,
  fn: trainStep(adapter, randomBatch(SMALL.vocabSize, BATCH, SEQ, 1)),
});
// The share of the ceiling from adjacent samples: ceiling, step, ceiling, step, …, each step against the mean of the
// ceiling samples on either side, so load that comes and goes during the run hits both sides of the ratio alike.
const pairedShares = await pairedCeilingShares(adapter, smallFlopsTotal());
adapter.dispose();
small.dispose();
const ceiling = Math.max(ceilingBefore, await measureCeiling("after"));
const { heads, kvHeads, headDim, layers } = smallConfig;
const rep = heads / kvHeads;
const q = tf.randomNormal([BATCH, kvHeads, rep * SEQ, headDim]);
const k = tf.randomNormal([BATCH, kvHeads, SEQ, headDim]);
const v = tf.randomNormal([BATCH, kvHeads, SEQ, headDim]);
const mask = tf.tensor2d(
  Float32Array.from({ length: rep * SEQ * SEQ }, (_, i) => (i % SEQ > Math.floor(i / SEQ) % SEQ ? -1e9 : 0)),
  [rep * SEQ, SEQ],
);
const attentionGrads = tf.grads((qq: Tensor, kk: Tensor, vv: Tensor) => {
  const probs = tf.softmax(
    tf
      .matMul(qq, kk, false, true)
      .mul(1 / Math.sqrt(headDim))
      .add(mask),
  );
  return tf.matMul(probs, vv).sum();
});
const attention = await suite.add({
  name: `attention fwd+bwd ×${layers} layers`,
  backend,
  work: { amount: smallFlops.attention, unit: "FLOP" },
  warmup: 1,
  repeats: REPEATS,
  fn: async () => {
    for (let l = 0; l < layers; l++) {
      const grads = attentionGrads([q, k, v]);
      await grads[0]!.data();
      tf.dispose(grads);
    }
  },
});
tf.dispose([q, k, v, mask]);

/**
 * Wall-clock and CPU-time ratios of step GFLOP/s to ceiling GFLOP/s. The step and the matmul both run on one thread,
 * so CPU time (process.cpuUsage) measures them alike whatever else the shared box runs; wall-clock ratios swing with
 * the load.
 */
async function pairedCeilingShares(
  trained: LoraAdapter,
  stepFlops: number,
): Promise<{ wall: number[]; cpu: number[] }> {
  const n = 1024;
  const a = tf.randomNormal([n, n]);
  const time = async (fn: () => Promise<unknown>) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await fn();
    const cpu = process.cpuUsage(cpuStart);
    return { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const matmul = async () => {
    const c = tf.matMul(a, a);
    await c.data();
    c.dispose();
  };
  await matmul();
  const ceilingSample = async () => {
    const samples = [await time(matmul), await time(matmul), await time(matmul)];
    const mid = (key: "wallMs" | "cpuMs") => samples.map((x) => x[key]).sort((x, y) => x - y)[1]!;
    return { wall: (2 * n ** 3) / (mid("wallMs") / 1000), cpu: (2 * n ** 3) / (mid("cpuMs") / 1000) };
  };
  const batch = randomBatch(SMALL.vocabSize, BATCH, SEQ, 3);
  const wall: number[] = [];
  const cpu: number[] = [];
  let before = await ceilingSample();
  for (let i = 0; i < REPEATS; i++) {
    const step = await time(trainStep(trained, batch));
    const after = await ceilingSample();
    wall.push(stepFlops / (step.wallMs / 1000) / ((before.wall + after.wall) / 2));
    cpu.push(stepFlops / (step.cpuMs / 1000) / ((before.cpu + after.cpu) / 2));
    before = after;
  }
  a.dispose();
  console.log(JSON.stringify({ suite: suite.suite, name: "step / ceiling, adjacent samples", wall, cpu }));
  return { wall, cpu };
}

// 3. Qwen2.5-0.5B shape, a few steps.
let qwenStep: Awaited<ReturnType<typeof suite.add>> | undefined;
let qwenFlops = 0;
let qwenHeapMiB = 0;
let qwenEstimate: TrainingMemoryReport | undefined;
if (process.env["BENCH_QWEN"] !== "0") {
  const dir = await mkdtemp(join(tmpdir(), "lora-trainer-bench-train-"));
  try {
    // All 24 layers at full width with the 151,936-token tied head: 1.98 GB of float32 weights in the ~4 GiB wasm32
    // heap. It trains because the adapter packs the frozen weights transiently and wasm's Identity no longer copies
    // them (wasmKernelFixes.ts); at 1×64 tokens the predicted peak (estimateTrainingMemory) is ~3.4 GiB of the ~3.75.
    const config = { ...qwen25Config("0.5B"), contextLength: 2048, layers: QWEN_LAYERS };
    const path = join(dir, "qwen2.5-0.5b-shape-q8_0.gguf");
    await writeQwenShapedQ8(path, config);
    const seq = QWEN_SEQ;
    const model = await loadModel({ path, plannedTokens: seq, matchGgmlRounding: false, log: (l) => console.log(l) });
    const qwenAdapter = LoraAdapter.create(model, { log: (l) => console.log(l) });
    qwenFlops = loraStepFlops(model.config, 1, seq).total;
    qwenStep = await suite.add({
      name: `LoRA step Qwen2.5-0.5B shape (${QWEN_LAYERS}/24 layers), 1×${seq}`,
      backend,
      work: { amount: seq, unit: "tok" },
      warmup: 1,
      repeats: 2,
      fn: trainStep(qwenAdapter, randomBatch(config.vocabSize, 1, seq, 2)),
    });
    qwenHeapMiB = (wasmHeapBytes(tf.engine().backend) ?? 0) / 2 ** 20;
    qwenEstimate = estimateTrainingMemory({
      config: model.config,
      memory: qwenAdapter.memory,
      batchSize: 1,
      seqLen: seq,
      trainableParameters: qwenAdapter.trainableParameters,
    });
    qwenAdapter.dispose();
    model.dispose();
  } catch (error) {
    console.log(`Qwen2.5-0.5B shape skipped: ${String(error).slice(0, 300)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// 4. PyTorch CPU peer, same dim-512 step.
let torch: TorchResult | undefined;
if (process.env["BENCH_TORCH"] !== "0") torch = runTorchPeer();

suite.table({ baseline: `LoRA step dim-512 8 layers, ${BATCH}×${SEQ}` });
const gflops = (flops: number, ms: number) => flops / (ms / 1000) / 1e9;
const smallGflops = gflops(smallFlops.total, step.medianMs);
const summary = {
  summary: "lora-training",
  backend,
  matmulCeilingGflops: +(ceiling / 1e9).toFixed(2),
  ceilingBasis: "dense 2D matmul, wasm SIMD, 1 thread (what training runs on); max of before/after",
  dim512: {
    tokensPerSecond: +(step.perSecond ?? 0).toFixed(1),
    gflops: +smallGflops.toFixed(2),
    shareOfCeiling: +(smallGflops / (ceiling / 1e9)).toFixed(3),
    pairedShareOfCeiling: +median(pairedShares.wall).toFixed(3),
    cpuTimeShareOfCeiling: +median(pairedShares.cpu).toFixed(3),
    attentionShareOfStep: +(attention.medianMs / step.medianMs).toFixed(3),
  },
  ...(qwenStep
    ? {
        qwen05bShape: {
          layers: QWEN_LAYERS,
          tokensPerStep: QWEN_SEQ,
          heapMiB: Math.round(qwenHeapMiB),
          predictedPeakMiB: Math.round((qwenEstimate?.totalBytes ?? 0) / 2 ** 20),
          tokensPerSecond: +(qwenStep.perSecond ?? 0).toFixed(2),
          gflops: +gflops(qwenFlops, qwenStep.medianMs).toFixed(2),
        },
      }
    : {}),
  ...(torch ? { pytorch: torch, oursOverPytorch: +((step.perSecond ?? 0) / torch.tokensPerSecond).toFixed(3) } : {}),
  goals: { shareOfCeiling: 0.4, oursOverPytorch: 0.25 },
  node: benchEnvironment().node,
  loadAverage: benchEnvironment().loadAverage,
};
console.log(JSON.stringify(summary));

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function runTorchPeer() {
  const python = "/usr/bin/python3";
  const hasTorch = () => spawnSync(python, ["-c", "import torch"], { stdio: "ignore" }).status === 0;
  if (!hasTorch()) {
    console.log("installing the PyTorch peer: apt-get install python3-torch libopenblas0-pthread");
    try {
      execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "python3-torch", "libopenblas0-pthread"], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } catch (error) {
      console.log(`PyTorch peer skipped (install failed: ${String(error).slice(0, 200)})`);
      return undefined;
    }
  }
  const env = { ...process.env };
  delete env["OPENBLAS_CORETYPE"]; // set for other tools on this box; OpenBLAS must pick its own kernels here
  delete env["OPENBLAS_L2_SIZE"];
  const script = join(dirname(fileURLToPath(import.meta.url)), "trainPeer.py");
  const config = {
    vocab: SMALL.vocabSize,
    dim: SMALL.dim,
    layers: SMALL.layers,
    heads: SMALL.heads,
    kvHeads: SMALL.kvHeads,
    ffn: SMALL.ffnDim,
    batch: BATCH,
    seq: SEQ,
    repeats: REPEATS,
  };
  const run = spawnSync(python, [script, JSON.stringify(config)], { env, encoding: "utf8" });
  if (run.status !== 0) {
    console.log(`PyTorch peer failed: ${run.stderr.slice(-500)}`);
    return undefined;
  }
  const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
  console.log(JSON.stringify({ suite: "lora-trainer training", name: "PyTorch peer", ...result }));
  return result as TorchResult;
}

interface TorchResult {
  backend: string;
  blas: string[];
  matmul1024Gflops: number;
  medianMs: number;
  tokensPerSecond: number;
}
