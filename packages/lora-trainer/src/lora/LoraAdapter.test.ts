import type { Tensor2D } from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.js";
import { DecoderModel } from "../models/DecoderModel.js";
import { memorySource, type RandomModel, randomModel } from "../testing/randomModel.js";
import { referenceLoss } from "../testing/referenceForward.js";
import { qwen25Config, specSource } from "../testing/specSource.js";
import { LoraAdapter } from "./LoraAdapter.js";
import { countLoraParameters, formatTrainableParameters, resolveLoraOptions } from "./loraConfig.js";

const quiet = () => {};
const random = randomModel({
  architecture: "qwen2",
  vocabSize: 40,
  dim: 16,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  ffnDim: 24,
  bias: true,
  seed: 3,
});
const model = await DecoderModel.fromSource(memorySource(random), { log: quiet });
const { tf } = model;
const TOKENS = [1, 7, 3, 22, 9, 31, 4, 4, 18, 2];
afterAll(() => model.dispose());

/** Mean next-token cross-entropy of one row, in TF. */
function lossOf(adapter: LoraAdapter, tokens: number[]) {
  const logits = adapter.forward(tf.tensor2d([tokens], [1, tokens.length], "int32"));
  const logProbs = tf.logSoftmax(logits.slice([0, 0, 0], [1, tokens.length - 1, -1]));
  const targets = tf.oneHot(tf.tensor1d(tokens.slice(1), "int32"), model.config.vocabSize).expandDims(0);
  return logProbs
    .mul(targets)
    .sum()
    .neg()
    .div(tokens.length - 1) as import("@tensorflow/tfjs").Scalar;
}

/** The random model with each adapted weight replaced by W + scale·A·B, in float64 (ggml layout: out rows of in). */
function mergedReference(adapter: LoraAdapter, values: Map<string, Float64Array>): RandomModel {
  const tensors = new Map(random.tensors);
  for (const pair of adapter.pairs) {
    const name = `blk.${pair.layer}.${pair.target}.weight`;
    const { ne, data } = random.tensors.get(name)!;
    const [nIn, nOut] = ne as [number, number];
    const a = values.get(pair.a.name)!;
    const b = values.get(pair.b.name)!;
    const r = adapter.options.rank;
    const merged = Float64Array.from(data);
    for (let o = 0; o < nOut; o++) {
      for (let i = 0; i < nIn; i++) {
        let delta = 0;
        for (let k = 0; k < r; k++) delta += (a[i * r + k] as number) * (b[k * nOut + o] as number);
        merged[o * nIn + i] = (merged[o * nIn + i] as number) + adapter.scale * delta;
      }
    }
    tensors.set(name, { ne, data: merged });
  }
  return { ...random, tensors };
}

describe("LoRA parameter accounting", () => {
  it("prints 3,686,400 of 3,089,625,088 (0.12%) for the Qwen2.5-3B shape with the defaults", () => {
    const config = qwen25Config("3B");
    const base = specSource(config).tensors.reduce((sum, t) => sum + t.ne.reduce((p, d) => p * d, 1), 0);
    expect(formatTrainableParameters(countLoraParameters(config), base)).toBe(
      "trainable params: 3,686,400 of 3,089,625,088 (0.12%)",
    );
  });

  it("matches the variables an adapter actually allocates, and prints the share on creation", () => {
    const options = { rank: 3, targets: ["attn_k", "ffn_up", "ffn_down"] as const };
    const lines: string[] = [];
    const adapter = LoraAdapter.create(model, { ...options, log: (line) => lines.push(line) });
    const all = adapter.trainableParameters + model.memory.parameters;
    expect(lines).toEqual([
      `lora-trainer: trainable params: ${adapter.trainableParameters.toLocaleString("en-US")} of ${all.toLocaleString("en-US")} (${((100 * adapter.trainableParameters) / all).toFixed(2)}%)`,
    ]);
    expect(adapter.trainableParameters).toBe(countLoraParameters(model.config, options));
    expect(adapter.variables).toHaveLength(2 * 3 * model.config.layers);
    adapter.dispose();
  });

  it("defaults to r=8, alpha=16, dropout 0.05 on q/k/v/o and rejects bad values by name", () => {
    expect(resolveLoraOptions()).toEqual({
      rank: 8,
      alpha: 16,
      dropout: 0.05,
      targets: ["attn_q", "attn_k", "attn_v", "attn_output"],
      rsLora: false,
    });
    expect(() => resolveLoraOptions({ rank: 0 })).toThrow(InvalidInputError);
    expect(() => resolveLoraOptions({ dropout: 1 })).toThrow(/dropout/);
    expect(() => resolveLoraOptions({ targets: ["attn_qkv" as never] })).toThrow(/subset of attn_q/);
  });

  it("scales by alpha/r, or alpha/√r with rsLoRA", () => {
    const plain = LoraAdapter.create(model, { log: quiet, rank: 4, alpha: 8 });
    const rs = LoraAdapter.create(model, { log: quiet, rank: 4, alpha: 8, rsLora: true });
    expect([plain.scale, rs.scale]).toEqual([2, 4]);
    plain.dispose();
    rs.dispose();
  });
});

describe("LoRA forward and gradients", () => {
  it("a fresh adapter (B = 0) leaves the logits unchanged; a trained one changes them", async () => {
    const adapter = LoraAdapter.create(model, { log: quiet, seed: 1 });
    const ids = tf.tensor2d([TOKENS], [1, TOKENS.length], "int32");
    const base = await tf.tidy(() => model.forward(ids)).data();
    expect(await tf.tidy(() => adapter.forward(ids)).data()).toEqual(base);
    adapter.pairs[0]!.b.assign(tf.onesLike(adapter.pairs[0]!.b));
    const changed = await tf.tidy(() => adapter.forward(ids)).data();
    expect(changed.some((v, i) => Math.abs(v - (base[i] as number)) > 1e-3)).toBe(true);
    ids.dispose();
    adapter.dispose();
  });

  it("applies dropout only while training", async () => {
    const adapter = LoraAdapter.create(model, { log: quiet, dropout: 0.5, seed: 2 });
    for (const p of adapter.pairs) p.b.assign(tf.randomNormal(p.b.shape, 0, 1, "float32", 5) as Tensor2D);
    const run = () => tf.tidy(() => lossOf(adapter, TOKENS)).dataSync()[0];
    expect(run()).toBe(run());
    adapter.training = true;
    expect(run()).not.toBe(run());
    adapter.dispose();
  });

  it("gradients of A and B match float64 central finite differences (rel err ≤ 1e-3)", async () => {
    const adapter = LoraAdapter.create(model, {
      log: quiet,
      rank: 4,
      alpha: 8,
      dropout: 0,
      targets: ["attn_q", "attn_v", "ffn_down"],
      seed: 4,
    });
    adapter.pairs.forEach((p, i) => {
      p.b.assign(tf.randomNormal(p.b.shape, 0, 0.5, "float32", 10 + i) as Tensor2D);
    });
    const { value, grads } = tf.variableGrads(() => lossOf(adapter, TOKENS), adapter.variables);
    const values = new Map(adapter.variables.map((v) => [v.name, Float64Array.from(v.dataSync())]));
    expect(Math.abs(value.dataSync()[0]! - referenceLoss(mergedReference(adapter, values), TOKENS))).toBeLessThan(1e-5);
    const h = 1e-5;
    let worst = 0;
    let checked = 0;
    for (const variable of adapter.variables) {
      const grad = grads[variable.name]!.dataSync();
      // The two largest-gradient entries of every A and B (small ones are dominated by float32 rounding in TF).
      const entries = [...grad.keys()].sort((i, j) => Math.abs(grad[j]!) - Math.abs(grad[i]!)).slice(0, 2);
      for (const index of entries) {
        const at = (delta: number) => {
          const perturbed = new Map(values);
          const copy = Float64Array.from(values.get(variable.name)!);
          copy[index] = (copy[index] as number) + delta;
          perturbed.set(variable.name, copy);
          return referenceLoss(mergedReference(adapter, perturbed), TOKENS);
        };
        const numeric = (at(h) - at(-h)) / (2 * h);
        worst = Math.max(worst, Math.abs(grad[index]! - numeric) / Math.max(Math.abs(numeric), 1e-8));
        checked++;
      }
    }
    console.log(`LoRA gradient check: ${checked} entries, worst relative error ${worst.toExponential(2)}`);
    expect(checked).toBe(2 * adapter.variables.length);
    expect(worst).toBeLessThanOrEqual(1e-3);
    tf.dispose([value, ...Object.values(grads)]);
    adapter.dispose();
  });

  it("keeps the tensor count flat across optimizer steps (base frozen, only A and B change)", async () => {
    const adapter = LoraAdapter.create(model, { log: quiet, seed: 6 });
    const optimizer = tf.train.adam(1e-2);
    const baseBefore = await model.weights.layers[0]!.projections.attn_q.weight.data();
    const step = () => optimizer.minimize(() => lossOf(adapter, TOKENS), true, adapter.variables)!;
    const first = step().dataSync()[0]!;
    tf.dispose(step());
    const count = tf.memory().numTensors;
    let last = first;
    for (let i = 0; i < 5; i++) {
      const loss = step();
      last = loss.dataSync()[0]!;
      loss.dispose();
    }
    expect(tf.memory().numTensors).toBe(count);
    expect(last).toBeLessThan(first);
    expect(await model.weights.layers[0]!.projections.attn_q.weight.data()).toEqual(baseBefore);
    optimizer.dispose();
    adapter.dispose();
  });
});
