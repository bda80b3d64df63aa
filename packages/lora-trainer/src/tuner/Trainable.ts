/**
 * What the training loop trains: named variables and a forward pass. {@link loraTrainable} wraps a LoraAdapter
 * (base frozen, A and B trainable); `FullModel` (fullTraining.ts) trains every weight.
 */
import type { Tensor2D, Tensor3D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import type { LoraAdapter } from "../lora/LoraAdapter.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";
import type { ProjectionFn } from "../models/decoder.js";
import { PROJECTIONS } from "../models/expectedTensors.js";
import type { NamedVariable } from "./AdamW.js";

export interface Trainable {
  readonly tf: Tf;
  readonly config: DecoderConfig;
  /** Trainable variables under names that are the same in every process (checkpoints key on them). */
  readonly parameters: readonly NamedVariable[];
  /**
   * tokens int32 [B, T] → logits [B, T, V], not tidied. `dropoutSeed` is set while training: dropout masks are
   * drawn from it, so a resumed run repeats them exactly; without it there is no dropout (evaluation).
   */
  forward(tokens: Tensor2D, dropoutSeed?: number): Tensor3D;
}

/** The adapter's A and B as `blk.N.<target>.lora_a|lora_b` (the GGUF adapter's names), with seeded dropout. */
export function loraTrainable(adapter: LoraAdapter): Trainable {
  const { model } = adapter;
  const { tf } = model;
  const parameters = adapter.pairs.flatMap((p) => [
    { name: `blk.${p.layer}.${p.target}.lora_a`, variable: p.a },
    { name: `blk.${p.layer}.${p.target}.lora_b`, variable: p.b },
  ]);
  const rate = adapter.options.dropout;
  // LoraAdapter.project with a seed per (step, layer, target) instead of tf.dropout's Math.random() default.
  const project =
    (seed: number | undefined): ProjectionFn =>
    (x, layer, target, base) => {
      const pair = adapter.pair(layer, target);
      if (!pair) return adapter.frozenProject(x, base);
      const input =
        seed === undefined || rate === 0
          ? x
          : tf.dropout(x, rate, undefined, seed * 64 + layer * PROJECTIONS.length + PROJECTIONS.indexOf(target));
      return adapter
        .frozenProject(x, base)
        .add(tf.matMul(tf.matMul(input, pair.a), pair.b).mul(adapter.scale)) as Tensor2D;
    };
  return {
    tf,
    config: model.config,
    parameters,
    forward: (tokens, dropoutSeed) => model.forward(tokens, { project: project(dropoutSeed) }),
  };
}
