import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, type Llama, LlamaLogLevel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openGguf } from "./openGguf.js";
import { readTensor } from "./readTensor.js";
import { BYTE_LEVEL_VOCAB_SIZE } from "./tinyModel/byteLevelVocab.js";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import { GgmlType, type GgmlTypeName } from "./types.js";
import type { GgufWriteSpec } from "./validate/validateWriteSpec.js";
import { writeGguf } from "./writeGguf.js";

// Parity with llama.cpp's own dequantization: only token_embd is quantized, and get_rows dequantizes it with
// ggml-quants.c. If our dequantized values written as F32 give the same log-probs, we decode exactly as llama.cpp.
let llama: Llama;
let dir: string;
const PROMPT = "hello there, the quick brown fox";

beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  dir = await mkdtemp(join(tmpdir(), "nomen-gguf-parity-"));
});
afterAll(async () => {
  await llama?.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Next-token log-probs at every position of PROMPT (exact settings: no flash attention, F32 KV cache, 1 thread). */
async function logProbs(path: string): Promise<number[][]> {
  const model = await llama.loadModel({ modelPath: path });
  try {
    const context = await model.createContext({
      threads: 1,
      contextSize: 64,
      flashAttention: false,
      experimentalKvCacheKeyType: "F32",
      experimentalKvCacheValueType: "F32",
    });
    const tokens = model.tokenize(PROMPT);
    const out = await context
      .getSequence()
      .controlledEvaluate(tokens.map((t) => [t, { generateNext: { probabilities: true } }]));
    expect(out).toHaveLength(tokens.length);
    return out.map((o) => {
      const probs = o?.next?.probabilities;
      if (probs?.size !== BYTE_LEVEL_VOCAB_SIZE)
        throw new Error(`expected ${BYTE_LEVEL_VOCAB_SIZE} probabilities, got ${probs?.size}`);
      return Array.from({ length: BYTE_LEVEL_VOCAB_SIZE }, (_, id) => Math.log(probs.get(id as Token)!));
    });
  } finally {
    await model.dispose();
  }
}

function maxAbsDiff(a: number[][], b: number[][]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < a[i]!.length; j++) max = Math.max(max, Math.abs(a[i]![j]! - b[i]![j]!));
  return max;
}

function correlation(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

// One random model (dim 256: K-quant rows) reused by every case; only token_embd's type or values change.
const base = tinyModelSpec({ dim: 256 });
const originalEmbd = base.tensors.find((t) => t.name === "token_embd.weight")!.data as Float32Array;

/** The base model with token_embd stored as `type`, holding `data` (defaults to the original values). */
function withEmbedding(type: GgmlType, data: Float32Array = originalEmbd): GgufWriteSpec {
  return { ...base, tensors: base.tensors.map((t) => (t.name === "token_embd.weight" ? { ...t, type, data } : t)) };
}

describe("dequantization matches llama.cpp (token_embd through get_rows)", () => {
  const types: GgmlTypeName[] = [
    "F16",
    "BF16",
    "Q4_0",
    "Q4_1",
    "Q5_0",
    "Q5_1",
    "Q8_0",
    "Q2_K",
    "Q3_K",
    "Q4_K",
    "Q5_K",
    "Q6_K",
    "IQ4_NL",
    "IQ4_XS",
  ];
  it.each(types)(
    "%s: same log-probs as the F32 model holding our dequantized embeddings (≤ 1e-5)",
    async (typeName) => {
      const quantizedPath = join(dir, `${typeName}.gguf`);
      await writeGguf(quantizedPath, withEmbedding(GgmlType[typeName]));
      const ours = await readTensor(await openGguf(quantizedPath), "token_embd.weight");
      // Non-degenerate: the quantized embeddings still follow the originals (a constant output would match trivially).
      expect(correlation(ours, originalEmbd)).toBeGreaterThan(0.9);
      const f32Path = join(dir, `${typeName}-as-f32.gguf`);
      await writeGguf(f32Path, withEmbedding(GgmlType.F32, ours));
      const diff = maxAbsDiff(await logProbs(quantizedPath), await logProbs(f32Path));
      console.log(`${typeName}: max |Δ log p| = ${diff.toExponential(2)}`);
      expect(diff).toBeLessThanOrEqual(1e-5);
    },
  );

  it("is sensitive: one embedding value off by 0.01 in a prompt token's row, or Q4_K vs the originals, moves the log-probs", async () => {
    const basePath = join(dir, "base.gguf");
    await writeGguf(basePath, base);
    const baseLogProbs = await logProbs(basePath);
    const perturbed = Float32Array.from(originalEmbd);
    const token = "l".charCodeAt(0); // byte tokens have id = byte value; "hello" → he, l, l, o
    perturbed[token * 256 + 100]! += 0.01;
    const perturbedPath = join(dir, "perturbed.gguf");
    await writeGguf(perturbedPath, withEmbedding(GgmlType.F32, perturbed));
    const oneValue = maxAbsDiff(baseLogProbs, await logProbs(perturbedPath));
    const q4Path = join(dir, "q4.gguf");
    await writeGguf(q4Path, withEmbedding(GgmlType.Q4_K));
    const q4 = maxAbsDiff(baseLogProbs, await logProbs(q4Path));
    console.log(
      `one value +0.01: max |Δ log p| = ${oneValue.toExponential(2)}; Q4_K vs original: ${q4.toExponential(2)}`,
    );
    expect(oneValue).toBeGreaterThan(1e-5);
    expect(q4).toBeGreaterThan(1e-3);
  });
});
