import { expect, it } from "vitest";
import { MissingTensorError } from "../errors.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { ggmlWeightsFromSource } from "./ggmlWeights.js";

const shape = { vocabSize: 61, dim: 32, layers: 2, heads: 4, kvHeads: 2, ffnDim: 48 };

it("reads ggml rows, biases when present, and a tied head as the embedding itself", async () => {
  const tied = randomModel({ architecture: "qwen2", ...shape, bias: true });
  const weights = await ggmlWeightsFromSource(memorySource(tied), tied.config);
  expect(weights.output).toBe(weights.tokenEmbedding);
  expect(weights.layers).toHaveLength(2);
  expect(weights.layers[1]!.k).toMatchObject({ nIn: 32, nOut: 16, type: 0 });
  expect(weights.layers[0]!.qBias).toHaveLength(32);

  const untied = randomModel({ architecture: "llama", ...shape, untied: true });
  const separate = await ggmlWeightsFromSource(memorySource(untied), untied.config);
  expect(separate.output).not.toBe(separate.tokenEmbedding);
  expect(separate.layers[0]!.qBias).toBeUndefined();
});

it("names the missing tensor", async () => {
  const model = randomModel({ architecture: "llama", ...shape });
  model.tensors.delete("blk.1.ffn_up.weight");
  await expect(ggmlWeightsFromSource(memorySource(model, "tiny.gguf"), model.config)).rejects.toThrow(
    new MissingTensorError("tiny.gguf: missing tensor blk.1.ffn_up.weight"),
  );
});
