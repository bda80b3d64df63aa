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

const embdAs = (type: GgmlType) => (name: string) => (name === "token_embd.weight" ? type : GgmlType.F32);

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
      await writeGguf(quantizedPath, tinyModelSpec({ dim: 256, typeOf: embdAs(GgmlType[typeName]) }));
      const ours = await readTensor(await openGguf(quantizedPath), "token_embd.weight");
      // Non-degenerate: the quantized embeddings still follow the originals (a constant output would match trivially).
      const original = tinyModelSpec({ dim: 256 }).tensors[0]!.data as Float32Array;
      expect(correlation(ours, original)).toBeGreaterThan(0.9);
      const f32Path = join(dir, `${typeName}-as-f32.gguf`);
      await writeGguf(
        f32Path,
        tinyModelSpec({ dim: 256, override: (n) => (n === "token_embd.weight" ? ours : undefined) }),
      );
      const diff = maxAbsDiff(await logProbs(quantizedPath), await logProbs(f32Path));
      console.log(`${typeName}: max |Δ log p| = ${diff.toExponential(2)}`);
      expect(diff).toBeLessThanOrEqual(1e-5);
    },
  );

  it("is sensitive: one embedding value off by 0.01 in a prompt token's row moves the log-probs past 1e-5", async () => {
    const path = join(dir, "perturbed.gguf");
    const base = join(dir, "base.gguf");
    const spec = tinyModelSpec({ dim: 256 });
    const embd = Float32Array.from(spec.tensors.find((t) => t.name === "token_embd.weight")!.data as Float32Array);
    await writeGguf(base, spec);
    const token = "l".charCodeAt(0); // byte tokens have id = byte value; "hello" → he, l, l, o
    embd[token * 256 + 100]! += 0.01;
    await writeGguf(path, tinyModelSpec({ dim: 256, override: (n) => (n === "token_embd.weight" ? embd : undefined) }));
    const diff = maxAbsDiff(await logProbs(base), await logProbs(path));
    console.log(`one value +0.01: max |Δ log p| = ${diff.toExponential(2)}`);
    expect(diff).toBeGreaterThan(1e-5);
  });

  it("is sensitive: the original (unquantized) embeddings give different log-probs than Q4_K", async () => {
    const original = join(dir, "original.gguf");
    const q4 = join(dir, "q4.gguf");
    await writeGguf(original, tinyModelSpec({ dim: 256 }));
    await writeGguf(q4, tinyModelSpec({ dim: 256, typeOf: embdAs(GgmlType.Q4_K) }));
    const diff = maxAbsDiff(await logProbs(original), await logProbs(q4));
    console.log(`original vs Q4_K: max |Δ log p| = ${diff.toExponential(2)}`);
    expect(diff).toBeGreaterThan(1e-3);
  });
});
