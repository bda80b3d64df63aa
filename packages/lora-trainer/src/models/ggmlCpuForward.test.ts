import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { f32, GgmlType, str, writeGguf } from "@nomen/gguf";
import { describe, expect, it } from "vitest";
import { InvalidInputError, UnsupportedTensorTypeError } from "../errors.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { referenceLogProbs } from "../testing/referenceForward.js";
import { DecoderModel } from "./DecoderModel.js";
import {
  fma32,
  GgmlCpuSession,
  ggmlCpuLogits,
  ggmlCpuProfile,
  ggmlVExpf,
  ggmlVExpfAvx2,
  ggmlWeightsFromDecoder,
  ggmlWeightsFromSource,
  withGgufLora,
} from "./ggmlCpuForward.js";
import type { DecoderWeights } from "./weights.js";

const zen4 = ggmlCpuProfile("zen4")!;

describe("float32 primitives", () => {
  it("fma32 rounds once, also where the float64 sum lands on a float32 midpoint", () => {
    const a = 1 + 2 ** -23;
    const b = 1 - 2 ** -24;
    const c = 2 ** -47 * (1 + 2 ** -23); // a·b + c = 1 + 2^-24 + 2^-70: just above the midpoint of 1 and 1 + 2^-23
    expect(Math.fround(a * b + c)).toBe(1); // double rounding lands on the midpoint, then ties to even
    expect(fma32(a, b, c)).toBe(1 + 2 ** -23);
    expect(fma32(-a, b, -c)).toBe(-(1 + 2 ** -23));
    expect(fma32(3, 5, 7)).toBe(22);
  });

  it.each([
    ["AVX-512", ggmlVExpf],
    ["AVX2", ggmlVExpfAvx2],
  ] as const)(
    "ggml_v_expf (%s) stays within 2.5 ulp of exp where results are normal (vec.h: 1.45 + 0.5)",
    (_, vExpf) => {
      for (let x = -80; x <= 80; x += 0.013) {
        const want = Math.exp(Math.fround(x));
        const ulp = 2 ** (Math.floor(Math.log2(want)) - 23);
        expect(Math.abs(vExpf(Math.fround(x)) - want)).toBeLessThanOrEqual(2.5 * ulp);
      }
      expect(vExpf(0)).toBe(1);
      expect(Math.abs(vExpf(-100) - Math.exp(-100))).toBeLessThanOrEqual(2 ** -149); // split scale (|n| > 126), subnormal
      expect(vExpf(Number.NEGATIVE_INFINITY)).toBe(0);
      expect(vExpf(200)).toBe(Number.POSITIVE_INFINITY);
    },
  );

  it("names the ggml-cpu variants it models", () => {
    expect(ggmlCpuProfile("zen4")).toEqual({ lanes: 16, avx512bf16: true });
    expect(ggmlCpuProfile("icelake")).toEqual({ lanes: 16, avx512bf16: false });
    expect(ggmlCpuProfile("haswell")).toEqual({ lanes: 8, avx512bf16: false });
    expect(ggmlCpuProfile("sse42")).toBeUndefined();
  });
});

describe("DecoderModel.logProbs with { ggmlCpu }", () => {
  it("agrees with the float64 reference on F32 weights, row by row, for both RoPE styles", async () => {
    for (const architecture of ["llama", "qwen2"] as const) {
      const random = randomModel({
        ...{ architecture, vocabSize: 61, dim: 32, layers: 2, heads: 4, kvHeads: 2, ffnDim: 48 },
        ...{ bias: true, untied: architecture === "llama", seed: 4 },
      });
      const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
      const tokens = [
        [1, 5, 9, 2, 33, 17, 0, 8, 41, 3],
        [4, 4, 7, 50, 21, 6, 19, 2, 2, 40],
      ];
      const ours = await model.logProbs(tokens, { ggmlCpu: zen4 });
      model.dispose();
      tokens.forEach((row, b) => {
        const ref = referenceLogProbs(random, row);
        for (const t of row.keys()) {
          let worst = 0;
          ref[t]!.forEach((v, i) => {
            worst = Math.max(worst, Math.abs(v - (ours[b]![t]![i] as number)));
          });
          expect(worst).toBeLessThan(1e-4);
        }
      });
    }
  });

  it("refuses K-quant weights, and Q8_0 blocks whose scale cannot be recovered, with a named error", async () => {
    const fake = { dataSync: () => new Float32Array(64), shape: [32, 2] };
    const weightsOf = (linear: object) =>
      ({
        output: fake,
        outputNorm: fake,
        layers: [
          {
            attnNorm: fake,
            ffnNorm: fake,
            projections: Object.fromEntries(
              ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"].map((p) => [p, linear]),
            ),
          },
        ],
      }) as unknown as DecoderWeights;
    const q4k = weightsOf({ weight: fake, ggmlType: 12 });
    expect(() => ggmlWeightsFromDecoder(q4k, "tiny.gguf")).toThrow(UnsupportedTensorTypeError);
    expect(() => ggmlWeightsFromDecoder(q4k, "tiny.gguf")).toThrow(/blk\.0\.attn_q is Q4_K/);

    const random = randomModel({
      ...{ architecture: "llama", vocabSize: 61, dim: 32, layers: 1, heads: 4, kvHeads: 2, ffnDim: 32, seed: 4 },
    });
    const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
    const q = model.weights.layers[0]!.projections.attn_q;
    q.ggmlType = 8; // claims Q8_0, but holds arbitrary floats
    await expect(model.logProbs([[1, 2, 3]], { ggmlCpu: zen4 })).rejects.toThrow(/no ±127 value/);
    model.dispose();
  });

  it("checks the micro-batch split it is given", async () => {
    const random = randomModel({
      ...{ architecture: "qwen2", vocabSize: 61, dim: 32, layers: 1, heads: 4, kvHeads: 2, ffnDim: 32, seed: 5 },
    });
    const model = await DecoderModel.fromSource(memorySource(random), { log: () => {} });
    const tokens = [[1, 2, 3, 4, 5, 6]];
    await expect(model.logProbs(tokens, { ggmlCpu: zen4, ggmlCpuOptions: { ubatches: [3, 2] } })).rejects.toThrow(
      InvalidInputError,
    );
    const split = await model.logProbs(tokens, { ggmlCpu: zen4, ggmlCpuOptions: { ubatches: [4, 1, 1] } });
    const whole = await model.logProbs(tokens, { ggmlCpu: zen4 });
    model.dispose();
    let worst = 0;
    for (const [t, row] of split[0]!.entries()) {
      for (const [i, v] of row.entries()) worst = Math.max(worst, Math.abs(v - whole[0]![t]![i]!));
    }
    expect(worst).toBeLessThan(1e-4); // other kernels, same math
  });

  it("attaches a GGUF LoRA with llama.cpp's scale: adapter_scale·alpha/r, or adapter_scale without alpha", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ggml-lora-"));
    try {
      const random = randomModel({
        ...{ architecture: "llama", vocabSize: 61, dim: 32, layers: 1, heads: 4, kvHeads: 2, ffnDim: 32, seed: 6 },
      });
      const weights = await ggmlWeightsFromSource(memorySource(random), random.config);
      const tensors = [
        {
          name: "blk.0.attn_q.weight.lora_a",
          shape: [32, 8],
          type: GgmlType.F32,
          data: new Float32Array(256).fill(0.1),
        },
        {
          name: "blk.0.attn_q.weight.lora_b",
          shape: [8, 32],
          type: GgmlType.F32,
          data: new Float32Array(256).fill(0.2),
        },
      ];
      const meta = {
        "general.architecture": str("llama"),
        "general.type": str("adapter"),
        "adapter.type": str("lora"),
      };
      await writeGguf(join(dir, "a.gguf"), { metadata: { ...meta, "adapter.lora.alpha": f32(12) }, tensors });
      await writeGguf(join(dir, "b.gguf"), { metadata: meta, tensors });
      const withAlpha = await withGgufLora(weights, join(dir, "a.gguf"), 0.5);
      const withoutAlpha = await withGgufLora(weights, join(dir, "b.gguf"), 0.5);
      expect(withAlpha.layers[0]!.lora?.q?.scale).toBe(0.75); // 0.5 · 12 / 8
      expect(withoutAlpha.layers[0]!.lora?.q?.scale).toBe(0.5);
      expect(withAlpha.layers[0]!.lora?.q?.a.nOut).toBe(8);
      expect(weights.layers[0]!.lora).toBeUndefined(); // the input is left as it was
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("GgmlCpuSession: evaluating in steps equals ggmlCpuLogits with the same micro-batches; bad tokens are refused", async () => {
    const random = randomModel({
      ...{ architecture: "qwen2", vocabSize: 61, dim: 32, layers: 1, heads: 4, kvHeads: 2, ffnDim: 32, seed: 8 },
    });
    const weights = await ggmlWeightsFromSource(memorySource(random), random.config);
    const session = new GgmlCpuSession(random.config, weights, zen4);
    const stepped = [...session.evaluate([1, 2, 3, 4]), ...session.evaluate([5]), ...session.evaluate([6])];
    const whole = ggmlCpuLogits(random.config, weights, [1, 2, 3, 4, 5, 6], zen4, { ubatches: [4, 1, 1] });
    expect(stepped.map((r) => Array.from(r))).toEqual(whole.map((r) => Array.from(r)));
    expect(session.length).toBe(6);
    expect(() => session.evaluate([61])).toThrow(InvalidInputError);
    expect(session.greedy([7], 3)).toHaveLength(3);
  });
});
