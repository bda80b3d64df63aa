import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { f32, GgmlType, tinyModelSpec, writeGguf } from "@nomen/gguf";
import { getLlama, type Llama, LlamaLogLevel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../loadModel.js";
import type { GgmlCpuProfile } from "../models/ggmlCpuForward.js";
import { exactGgmlCpuProfile } from "../testing/ggmlCpuVariant.js";
import { llamaCppLogProbs } from "../testing/llamaCppLogProbs.js";
import { compare, PARITY_CASES, PARITY_TOKENS, summary, typed } from "./parityCases.js";

/**
 * The F16/BF16/Q8_0 parity shapes over ten more weight seeds: the exact ggml-cpu path must stay ≤ 1e-4 at every position
 * (a rounding flip would show as ~1e-3), and the TF.js pass's misses are counted for the README.
 */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const HALF = [
  ...PARITY_CASES.filter(([name]) => name.endsWith("F16") || name.endsWith("Q8_0")),
  [
    "llama, GQA 2, untied, no bias, Q8_0 (dim 128)",
    { architecture: "llama", dim: 128, heads: 4, kvHeads: 2, layers: 2, ffnDim: 256, typeOf: typed(GgmlType.Q8_0) },
  ],
] as typeof PARITY_CASES;

let llama: Llama;
let dir: string;
let profile: GgmlCpuProfile | undefined;
let skipReason = "";
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  const exact = exactGgmlCpuProfile();
  if ("skip" in exact) skipReason = exact.skip;
  else ({ profile } = exact);
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-half-seeds-"));
});
afterAll(async () => {
  await llama?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("F16/BF16/Q8_0 parity over seeds", () => {
  it.each(HALF)("%s: exact path ≤ 1e-4 at every position for 10 seeds", async (name, options) => {
    if (!profile) {
      console.log(`skipped: ${skipReason}`);
      return;
    }
    let exactWorst = 0;
    let tfjsWorst = 0;
    let tfjsMissed = 0;
    for (const seed of SEEDS) {
      const path = join(dir, `${name.replace(/\W+/g, "-")}-${seed}.gguf`);
      await writeGguf(path, tinyModelSpec({ ...options, seed }));
      const theirs = await llamaCppLogProbs(llama, { modelPath: path, tokens: PARITY_TOKENS });
      const model = await loadModel({ path, log: () => {} });
      try {
        const exact = compare(theirs, (await model.logProbs([PARITY_TOKENS], { ggmlCpu: profile }))[0]!);
        const tfjs = compare(theirs, (await model.logProbs([PARITY_TOKENS]))[0]!);
        exactWorst = Math.max(exactWorst, ...exact.perPosition);
        tfjsWorst = Math.max(tfjsWorst, ...tfjs.perPosition);
        tfjsMissed += tfjs.perPosition.filter((d) => d > 1e-4).length;
      } finally {
        model.dispose();
      }
    }
    const positions = SEEDS.length * PARITY_TOKENS.length;
    console.log(
      `${name}, ${SEEDS.length} seeds: exact max |Δ log p| ${exactWorst.toExponential(2)}; ` +
        `TF.js max ${tfjsWorst.toExponential(2)}, ${tfjsMissed}/${positions} positions > 1e-4`,
    );
    expect(exactWorst).toBeLessThanOrEqual(1e-4);
  });
});

describe("long sequences, exact path", () => {
  it.each(["llama", "qwen2"] as const)(
    "%s, F16: 250 positions, head dim 64 (SIMD K·Q blocks), RoPE base 1e6: ≤ 1e-4",
    async (architecture) => {
      if (!profile) return;
      const path = join(dir, `long-${architecture}.gguf`);
      const spec = tinyModelSpec({
        ...{ architecture, dim: 128, heads: 2, kvHeads: 1, layers: 2, ffnDim: 96, seed: 5 },
        typeOf: typed(GgmlType.F16),
      });
      await writeGguf(path, {
        ...spec,
        metadata: { ...spec.metadata, [`${architecture}.rope.freq_base`]: f32(1_000_000) },
      });
      const tokens = Array.from({ length: 250 }, (_, i) => (i * 37 + 11) % 256);
      const theirs = await llamaCppLogProbs(llama, { modelPath: path, tokens, contextSize: 256 });
      const model = await loadModel({ path, log: () => {} });
      try {
        const exact = compare(theirs, (await model.logProbs([tokens], { ggmlCpu: profile }))[0]!);
        const tfjs = compare(theirs, (await model.logProbs([tokens]))[0]!);
        console.log(
          `${architecture}, F16, 250 positions: exact ${summary(exact.perPosition)}; TF.js ${summary(tfjs.perPosition)}`,
        );
        expect(Math.max(...exact.perPosition)).toBeLessThanOrEqual(1e-4);
      } finally {
        model.dispose();
      }
    },
  );
});
