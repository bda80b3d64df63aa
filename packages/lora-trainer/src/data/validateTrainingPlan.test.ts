import { describe, expect, it } from "vitest";
import { TrainingPlanError } from "../errors.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";
import { validateTrainingPlan } from "./validateTrainingPlan.js";

const config: DecoderConfig = {
  architecture: "qwen2",
  ropeStyle: "neox",
  vocabSize: 261,
  dim: 64,
  layers: 2,
  heads: 4,
  kvHeads: 1,
  headDim: 16,
  ffnDim: 128,
  contextLength: 256,
  rmsEps: 1e-5,
  ropeBase: 10000,
};

describe("validateTrainingPlan", () => {
  it("accepts the defaults on a small model", () => {
    expect(() => validateTrainingPlan({ config, lora: {} })).not.toThrow();
    expect(() => validateTrainingPlan({ config, lora: { rank: 16 }, maxLength: 256, batchSize: 4 })).not.toThrow();
  });

  it("rejects a rank larger than a target projection's dims, naming the projection", () => {
    // attn_k maps 64 → kvHeads·headDim = 16, so rank 32 cannot be used there.
    const error = (() => {
      try {
        validateTrainingPlan({ config, lora: { rank: 32, targets: ["attn_q", "attn_k"] } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TrainingPlanError);
    expect((error as Error).message).toMatch(/LoRA rank 32 exceeds attn_k's dims \[64 in, 16 out\]/);
    expect((error as Error).message).not.toMatch(/attn_q/);
    expect(() => validateTrainingPlan({ config, lora: { rank: 100, targets: ["ffn_up"] } })).toThrow(/ffn_up/);
  });

  it("collects every problem: bad LoRA options, too long sequences, bad batch size", () => {
    expect(() => validateTrainingPlan({ config, lora: { rank: 0 }, maxLength: 512, batchSize: 0 })).toThrow(
      /rank must be a positive integer.*maxLength 512 must be an integer in \[2, 256\].*batchSize must be a positive integer/,
    );
  });
});
