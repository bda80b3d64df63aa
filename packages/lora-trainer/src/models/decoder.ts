/**
 * Llama / Qwen2 decoder forward pass in raw TF.js ops (llama.cpp's graph, src/models/llama.cpp and qwen2.cpp):
 *   x = embd[tokens]
 *   per layer:  h = rmsnorm(x)·attn_norm;  x += Wo·attention(rope(Wq·h + bq), rope(Wk·h + bk), Wv·h + bv)
 *               h = rmsnorm(x)·ffn_norm;   x += Wdown·(silu(Wgate·h) ⊙ Wup·h)
 *   logits = Wout·(rmsnorm(x)·output_norm)
 * The two architectures differ only in RoPE style (llama: adjacent pairs, qwen2: halves) and optional biases.
 * Shapes: B batch, T new tokens, S cached + new positions, D dim, H heads, KV kv heads, hd head dim, V vocab.
 */
import type { Tensor1D, Tensor2D, Tensor3D, Tensor4D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import type { DecoderConfig } from "./DecoderConfig.js";
import { roundActivations } from "./ggmlRounding.js";
import type { KvCache } from "./kvCache.js";
import { applyRope, ropeTables } from "./rope.js";
import type { DecoderWeights, Linear } from "./weights.js";

/** Everything the forward pass reads. */
export interface DecoderParts {
  tf: Tf;
  config: DecoderConfig;
  weights: DecoderWeights;
  /** [hd, hd] RoPE rotation (see rope.ts). */
  rotation: Tensor2D;
}

/** Replaces a projection (LoRA hooks in here): receives x [N, in] and the base linear, returns [N, out]. */
export type ProjectionFn = (
  x: Tensor2D,
  layer: number,
  name: keyof DecoderWeights["layers"][number]["projections"],
  base: Linear,
) => Tensor2D;

export interface DecoderForwardOptions {
  /** Appends this call's keys/values and attends over everything cached. */
  cache?: KvCache;
  project?: ProjectionFn;
}

/** tokens int32 [B, T] → logits [B, T, V]. Not tidied: call inside `tf.tidy` (or a gradient function). */
export function decoderForward(parts: DecoderParts, tokens: Tensor2D, options: DecoderForwardOptions = {}): Tensor3D {
  const { tf, config, weights, rotation } = parts;
  const { heads, kvHeads, headDim, rmsEps } = config;
  const [batch, steps] = tokens.shape;
  const start = options.cache?.length ?? 0;
  const project: ProjectionFn = options.project ?? ((x, _l, _n, base) => linear(tf, x, base));
  const { cos, sin } = ropeTables(tf, config.ropeStyle, headDim, config.ropeBase, start, steps);

  let x = embed(tf, weights, tokens.reshape([-1])); // [B·T, D]
  weights.layers.forEach((layer, l) => {
    const h = rmsNorm(tf, x, layer.attnNorm, rmsEps);
    const headsOf = (t: Tensor2D, n: number) => t.reshape([batch, steps, n, headDim]) as Tensor4D; // [B, T, n, hd]
    const q = applyRope(tf, headsOf(project(h, l, "attn_q", layer.projections.attn_q), heads), rotation, cos, sin);
    const k = applyRope(tf, headsOf(project(h, l, "attn_k", layer.projections.attn_k), kvHeads), rotation, cos, sin);
    const v = headsOf(project(h, l, "attn_v", layer.projections.attn_v), kvHeads);
    let keys = k.transpose([0, 2, 1, 3]) as Tensor4D; // [B, KV, T, hd]
    let values = v.transpose([0, 2, 1, 3]) as Tensor4D;
    if (options.cache) ({ keys, values } = options.cache.append(l, keys, values)); // [B, KV, S, hd]
    const attended = attention(tf, q.transpose([0, 2, 1, 3]) as Tensor4D, keys, values, start); // [B·T, H·hd]
    x = x.add(project(attended, l, "attn_output", layer.projections.attn_output));
    const h2 = rmsNorm(tf, x, layer.ffnNorm, rmsEps);
    const gate = project(h2, l, "ffn_gate", layer.projections.ffn_gate); // [B·T, F]
    const gated = gate.mul(tf.sigmoid(gate)).mul(project(h2, l, "ffn_up", layer.projections.ffn_up)) as Tensor2D; // silu(gate) ⊙ up
    x = x.add(project(gated, l, "ffn_down", layer.projections.ffn_down));
  });
  options.cache?.advance(steps);
  const normed = rmsNorm(tf, x, weights.outputNorm, rmsEps);
  const headInput = weights.outputRounding ? roundActivations(tf, normed, weights.outputRounding) : normed;
  return outputHead(tf, headInput, weights).reshape([batch, steps, config.vocabSize]) as Tensor3D;
}

/**
 * Causal attention with grouped KV heads, without repeating K/V: the `rep` query heads of one KV group are
 * contiguous, so q [B, H, T, hd] is viewed as [B, KV, rep·T, hd] and multiplied against k [B, KV, S, hd] directly.
 * Query t sits at position start + t and sees keys 0..start+t. Returns [B·T, H·hd].
 */
function attention(tf: Tf, q: Tensor4D, keys: Tensor4D, values: Tensor4D, start: number): Tensor2D {
  const [batch, heads, steps, headDim] = q.shape;
  const [, kvHeads, positions] = keys.shape;
  const rep = heads / kvHeads;
  const grouped = q.reshape([batch, kvHeads, rep * steps, headDim]);
  const scores = tf.matMul(grouped, keys, false, true).mul(1 / Math.sqrt(headDim)); // [B, KV, rep·T, S]
  const probs = tf.softmax(scores.add(causalMask(tf, rep, steps, positions, start)));
  const out = tf.matMul(probs, values).reshape([batch, heads, steps, headDim]); // [B, H, T, hd]
  return out.transpose([0, 2, 1, 3]).reshape([batch * steps, heads * headDim]) as Tensor2D;
}

/** [rep·T, S]: 0 where key s ≤ start + t, a large negative elsewhere (finite, so gradients stay NaN-free). */
function causalMask(tf: Tf, rep: number, steps: number, positions: number, start: number): Tensor2D {
  const mask = new Float32Array(rep * steps * positions);
  for (let r = 0; r < rep; r++) {
    for (let t = 0; t < steps; t++) {
      const row = (r * steps + t) * positions;
      for (let s = start + t + 1; s < positions; s++) mask[row + s] = -1e9;
    }
  }
  return tf.tensor2d(mask, [rep * steps, positions]);
}

/**
 * x [N, D] → logits [N, V], computed as (output [V, D] · xᵀ)ᵀ: on wasm, XNNPACK packs (copies and keeps) the
 * right-hand operand of every matmul, so keeping the vocab-sized head on the left avoids a second copy of it.
 */
function outputHead(tf: Tf, x: Tensor2D, weights: DecoderWeights): Tensor2D {
  return tf.matMul(weights.output, x, false, true).transpose();
}

function embed(tf: Tf, weights: DecoderWeights, ids: Tensor1D): Tensor2D {
  return tf.gather(weights.tokenEmbedding ?? weights.output, ids); // [N, D]; tied: rows of the head
}

/** x [N, D] / sqrt(mean(x²) + eps) · gain */
export function rmsNorm(tf: Tf, x: Tensor2D, gain: Tensor1D, eps: number): Tensor2D {
  return x.mul(tf.rsqrt(x.square().mean(-1, true).add(eps))).mul(gain) as Tensor2D;
}

/** x [N, in] · W [in, out] + b */
export function linear(tf: Tf, x: Tensor2D, base: Linear): Tensor2D {
  const input = base.rounding ? roundActivations(tf, x, base.rounding) : x;
  const y = tf.matMul(input, base.weight) as Tensor2D;
  return base.bias ? (y.add(base.bias) as Tensor2D) : y;
}
