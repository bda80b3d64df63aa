import { describe, expect, it } from "vitest";
import { InvalidInputError, UnsupportedTensorTypeError } from "../errors.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { referenceLogProbs } from "../testing/referenceForward.js";
import { DecoderModel } from "./DecoderModel.js";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";
import { ggmlWeightsFromDecoder } from "./ggmlWeightsFromDecoder.js";
import type { DecoderWeights } from "./weights.js";

const zen4 = ggmlCpuProfile("zen4")!;

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
});
