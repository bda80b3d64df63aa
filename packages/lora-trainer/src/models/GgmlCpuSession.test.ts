import { expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { GgmlCpuSession } from "./GgmlCpuSession.js";
import { ggmlCpuLogits } from "./ggmlCpuLogits.js";
import { ggmlCpuProfile } from "./ggmlCpuProfile.js";
import { ggmlWeightsFromSource } from "./ggmlWeights.js";

const zen4 = ggmlCpuProfile("zen4")!;

it("evaluating in steps equals ggmlCpuLogits with the same micro-batches; bad tokens are refused", async () => {
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
