import { afterAll, describe, expect, it } from "vitest";
import { memorySource, type RandomModelOptions, randomModel } from "../testing/randomModel.js";
import { referenceLogProbs } from "../testing/referenceForward.js";
import { DecoderModel } from "./DecoderModel.js";

const quiet = () => {};
const shapes: Array<[string, RandomModelOptions]> = [
  [
    "qwen2 GQA 2, tied, bias",
    { architecture: "qwen2", vocabSize: 97, dim: 32, layers: 2, heads: 4, kvHeads: 2, ffnDim: 48, bias: true },
  ],
  [
    "llama MHA, untied",
    { architecture: "llama", vocabSize: 83, dim: 32, layers: 2, heads: 2, kvHeads: 2, ffnDim: 40, untied: true },
  ],
  [
    "qwen2 GQA 7, untied, bias",
    {
      architecture: "qwen2",
      vocabSize: 61,
      dim: 56,
      layers: 1,
      heads: 7,
      kvHeads: 1,
      ffnDim: 64,
      untied: true,
      bias: true,
    },
  ],
  ["llama GQA 2, tied", { architecture: "llama", vocabSize: 71, dim: 32, layers: 2, heads: 4, kvHeads: 2, ffnDim: 48 }],
];
const models: DecoderModel[] = [];
afterAll(() => {
  for (const m of models) m.dispose();
});

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

describe("DecoderModel vs a float64 reference", () => {
  it.each(shapes)("%s: log-probs agree within 1e-4 at every position", async (_name, options) => {
    const random = randomModel({ ...options, seed: 7 });
    const model = await DecoderModel.fromSource(memorySource(random), { log: quiet });
    models.push(model);
    const tokens = [
      [1, 5, 9, 2, 33, 17, 0, 8, 41, 3, 12, 30],
      [4, 4, 4, 7, 50, 21, 6, 19, 2, 2, 40, 11],
    ];
    const ours = await model.logProbs(tokens);
    tokens.forEach((row, b) => {
      const ref = referenceLogProbs(random, row);
      for (const t of row.keys()) expect(maxAbsDiff(ours[b]![t]!, ref[t]!)).toBeLessThan(1e-4);
    });
  });

  it("incremental decoding with the KV cache matches a full forward", async () => {
    const random = randomModel({ ...shapes[0]![1], seed: 3 });
    const model = await DecoderModel.fromSource(memorySource(random), { log: quiet });
    models.push(model);
    const tokens = [3, 14, 15, 92, 65, 35, 8, 9];
    const full = (await model.logits([tokens]).array())[0]!;
    const cache = model.createCache();
    const chunks = [tokens.slice(0, 3), tokens.slice(3, 4), tokens.slice(4, 8)];
    const stepped: number[][] = [];
    for (const chunk of chunks) {
      const logits = model.logits([chunk], { cache });
      stepped.push(...(await logits.array())[0]!);
      logits.dispose();
    }
    cache.dispose();
    expect(cache.length).toBe(8);
    for (const [t, row] of stepped.entries()) expect(maxAbsDiff(row, full[t]!)).toBeLessThan(1e-5);
  });

  it("keeps the tensor count flat across forwards", async () => {
    const model = await DecoderModel.fromSource(memorySource(randomModel({ ...shapes[1]![1], seed: 5 })), {
      log: quiet,
    });
    models.push(model);
    await model.logProbs([[1, 2, 3]]);
    const before = model.tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await model.logProbs([[1, 2, 3, 4, 5]]);
      const cache = model.createCache();
      model.logits([[1, 2]], { cache }).dispose();
      model.logits([[3]], { cache }).dispose();
      cache.dispose();
    }
    expect(model.tf.memory().numTensors).toBe(before);
  });
});
