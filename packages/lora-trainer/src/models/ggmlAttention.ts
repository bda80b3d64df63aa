/**
 * Causal self-attention as ggml-cpu computes it with flash attention off: K·Q by ggml_vec_dot_f32, a softmax that
 * uses ggml's expf and lane sums over padded KV cells, and V·softmax by tinyBLAS when the micro-batch has ≥ 2 tokens.
 */
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { reduceLanes } from "./ggmlMath.js";
import { tinyDot } from "./ggmlTinyBlas.js";
import { vecDotF32 } from "./ggmlVecDot.js";

const fr = Math.fround;

/** One micro-batch's queries against the cache, heads grouped as in GQA. */
export interface GgmlAttentionInput {
  /** [T][heads·hd], after RoPE. */
  q: Float32Array[];
  /** [positions][kvHeads·hd]: the cache including this micro-batch, after RoPE. */
  k: Float32Array[];
  /** [positions][kvHeads·hd]. */
  v: Float32Array[];
  /** Position of q[0]. */
  start: number;
  heads: number;
  kvHeads: number;
  headDim: number;
}

/**
 * kq = K·Q (ggml_vec_dot_f32: Q is a permuted view, so tinyBLAS is skipped), softmax with scale and causal mask
 * (ggml_compute_forward_soft_max_f32 + ggml_vec_soft_max_f32), kqv = V·kq (tinyBLAS over positions when n ≥ 2).
 * Returns [T][H·hd].
 */
export function attention(ctx: GgmlCpuContext, input: GgmlAttentionInput): Float32Array[] {
  const { q, k, v, start, heads, kvHeads, headDim } = input;
  const steps = q.length;
  const positions = k.length;
  // Cells past the last position are masked: exact zeros after softmax, so any padding to whole SIMD blocks (the
  // cache holds a multiple of 256) gives these bits; 64 covers ggml_vec_dot_f32's blocks of 4 × 16 lanes.
  const nKv = Math.ceil(positions / 64) * 64;
  const scale = fr(1 / fr(Math.sqrt(headDim)));
  const { lanes } = ctx.profile;
  const out = q.map(() => new Float32Array(heads * headDim));
  const probs = new Float64Array(nKv);
  const vT = new Float64Array(nKv); // one column of V (a row of the transposed cache)
  const wp = new Float64Array(nKv);
  for (let h = 0; h < heads; h++) {
    const g = Math.floor(h / (heads / kvHeads));
    for (let t = 0; t < steps; t++) {
      wp.fill(Number.NEGATIVE_INFINITY);
      let max = Number.NEGATIVE_INFINITY;
      for (let s = 0; s <= start + t; s++) {
        wp[s] = fr(vecDotF32(ctx, k[s]!, g * headDim, q[t]!, h * headDim, headDim) * scale);
        max = Math.max(max, wp[s] as number);
      }
      let sum = 0;
      for (let c = 0; c < nKv; c += lanes) {
        for (let s = c; s < c + lanes; s++) probs[s] = ctx.vExpf(fr((wp[s] as number) - max));
        const scratch = ctx.lanes;
        scratch.set(probs.subarray(c, c + lanes));
        sum += reduceLanes(scratch, lanes);
      }
      const inv = fr(1 / sum);
      for (let s = 0; s < nKv; s++) probs[s] = fr((probs[s] as number) * inv);
      for (let d = 0; d < headDim; d++) {
        for (let s = 0; s < nKv; s++) vT[s] = s < positions ? (v[s]![g * headDim + d] as number) : 0;
        out[t]![h * headDim + d] =
          steps >= 2 && headDim % 4 === 0 ? tinyDot(ctx, vT, 0, probs, 0, nKv) : vecDotF32(ctx, vT, 0, probs, 0, nKv);
      }
    }
  }
  return out;
}
