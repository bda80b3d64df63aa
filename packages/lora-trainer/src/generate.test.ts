import { afterAll, describe, expect, it } from "vitest";
import { AbortError, InvalidInputError } from "./errors.js";
import { generateGreedy } from "./generate.js";
import { DecoderModel } from "./models/DecoderModel.js";
import { memorySource, randomModel } from "./testing/randomModel.js";

const model = await DecoderModel.fromSource(
  memorySource(
    randomModel({
      architecture: "llama",
      vocabSize: 50,
      dim: 32,
      layers: 2,
      heads: 4,
      kvHeads: 2,
      ffnDim: 48,
      contextLength: 24,
      seed: 8,
    }),
  ),
  { log: () => {} },
);
afterAll(() => model.dispose());

/** Greedy decoding without a cache: a full forward over the whole sequence for every new token. */
async function uncachedGreedy(prompt: number[], steps: number): Promise<number[]> {
  const sequence = [...prompt];
  for (let i = 0; i < steps; i++) {
    const last = (await model.logProbs([sequence]))[0]!.at(-1)!;
    sequence.push(last.indexOf(Math.max(...last)));
  }
  return sequence.slice(prompt.length);
}

describe("generateGreedy", () => {
  it("produces the same tokens as uncached full forwards", async () => {
    const prompt = [3, 1, 4, 1, 5];
    expect(await generateGreedy(model, { prompt, maxTokens: 8 })).toEqual(await uncachedGreedy(prompt, 8));
  });

  it("stops after a stop token, reports each token, and keeps the tensor count flat", async () => {
    const prompt = [9, 2, 6];
    const free = await generateGreedy(model, { prompt, maxTokens: 6 });
    const before = model.tf.memory().numTensors;
    const seen: number[] = [];
    const stopped = await generateGreedy(model, {
      prompt,
      maxTokens: 6,
      stopTokens: [free[2]!],
      onToken: (t) => seen.push(t),
    });
    expect(stopped).toEqual(free.slice(0, free.indexOf(free[2]!) + 1));
    expect(seen).toEqual(stopped);
    expect(model.tf.memory().numTensors).toBe(before);
  });

  it("stops at the context length", async () => {
    expect(await generateGreedy(model, { prompt: Array(20).fill(1), maxTokens: 50 })).toHaveLength(5);
  });

  it("rejects an empty prompt and honours an aborted signal", async () => {
    await expect(generateGreedy(model, { prompt: [] })).rejects.toThrow(InvalidInputError);
    await expect(generateGreedy(model, { prompt: [1], signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
  });
});
