/**
 * `pnpm --filter @nomen/lora-trainer bench`: a random Qwen2.5-0.5B-shaped model (24 layers, 896 dim, 14 heads,
 * 2 kv heads, 4864 ffn, 151,936 vocab, tied) written as Q8_0 to a temp dir, then load time, forward tokens/s
 * (prefill and KV-cached decode), peak RSS and the backend's 2D matmul GFLOP/s, all in one run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BenchSuite, benchEnvironment } from "@nomen/bench";
import { loadModel, loadTf, wasmHeapBytes } from "../src/index.js";
import { qwen25Config } from "../src/testing/specSource.js";
import { writeQwenShapedQ8 } from "./writeQwenShapedQ8.js";

const PREFILL = Number(process.env["BENCH_PREFILL"] ?? 64);
const DECODE = Number(process.env["BENCH_DECODE"] ?? 8);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const { tf, backend } = await loadTf();
const suite = new BenchSuite("lora-trainer forward (Qwen2.5-0.5B shape, Q8_0)");

// 1. The backend's dense 2D matmul, the roofline every forward pass sits under.
for (const n of [512, 1024]) {
  const a = tf.randomNormal([n, n]);
  const b = tf.randomNormal([n, n]);
  await suite.add({
    name: `matmul ${n}×${n}`,
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
  tf.dispose([a, b]);
}

// 2. Write, then load.
const dir = await mkdtemp(join(tmpdir(), "lora-trainer-bench-"));
try {
  const path = join(dir, "qwen2.5-0.5b-shape-q8_0.gguf");
  const config = { ...qwen25Config("0.5B"), contextLength: 2048 };
  let started = performance.now();
  const bytes = await writeQwenShapedQ8(path, config);
  console.log(`wrote ${path}: ${mib(bytes)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const model = await loadModel({ path, plannedTokens: PREFILL, log: (line) => console.log(line) });
  const loadSeconds = (performance.now() - started) / 1000;
  console.log(
    `load: ${loadSeconds.toFixed(1)} s on ${model.backend}; wasm/tf tensors ${mib(model.tf.memory().numBytes)}`,
  );

  // 3. Prefill: one forward over PREFILL tokens (logits for all of them).
  const prompt = Array.from({ length: PREFILL }, (_, i) => (i * 7919) % config.vocabSize);
  await suite.add({
    name: `prefill ${PREFILL} tokens`,
    backend,
    work: { amount: PREFILL, unit: "tok" },
    warmup: 1,
    repeats: 3,
    fn: () => model.logits([prompt]).dispose(),
  });
  // 4. Decode: single-token steps on one KV cache primed with 8 prompt tokens (the cache keeps growing across runs).
  const cache = model.createCache();
  model.logits([prompt.slice(0, 8)], { cache }).dispose();
  let next = prompt[8] ?? 1;
  await suite.add({
    name: `decode ${DECODE} tokens (KV cache)`,
    backend,
    work: { amount: DECODE, unit: "tok" },
    warmup: 1,
    repeats: 3,
    fn: async () => {
      for (let i = 0; i < DECODE; i++) {
        const logits = model.logits([[next]], { cache });
        await logits.data(); // read back, as a sampler would
        next = (next * 31 + 7) % config.vocabSize;
        logits.dispose();
      }
    },
  });
  cache.dispose();
  model.dispose();
  suite.table({ baseline: "matmul 1024×1024" });
  const env = benchEnvironment();
  console.log(
    JSON.stringify({
      summary: "qwen2.5-0.5b-shape",
      backend,
      loadSeconds: Number(loadSeconds.toFixed(2)),
      peakRssMiB: Math.round(peakRss() / 2 ** 20),
      wasmHeapMiB: backend === "wasm" ? Math.round((wasmHeapBytes(tf.backend()) ?? 0) / 2 ** 20) : undefined,
      parameters: model.memory.parameters,
      fileBytesByType: model.memory.fileBytesByType,
      node: env.node,
      loadAverage: env.loadAverage,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
