/**
 * One micro-batch through the whole decoder graph (llama.cpp's build_llama / build_qwen2 with flash attention off),
 * appending its keys and values to the cache: the unit llama.cpp evaluates, and so the unit whose bits we reproduce.
 */
import type { DecoderConfig } from "./DecoderConfig.js";
import { attention } from "./ggmlAttention.js";
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { mulMat, project } from "./ggmlMatmul.js";
import { rope } from "./ggmlRope.js";
import { add, addBias, rmsNormMul, swiglu } from "./ggmlRowOps.js";
import type { GgmlWeights } from "./ggmlWeights.js";

/** One layer's cached keys (after RoPE) and values, one row per position (an F32 KV cache). */
export interface KvRows {
  k: Float32Array[];
  v: Float32Array[];
}

/** Logits [T][V] for `tokens` at positions `start…`, after the `start` positions already in `cache` (appended to). */
export function ubatchLogits(
  ctx: GgmlCpuContext,
  config: DecoderConfig,
  weights: GgmlWeights,
  tokens: readonly number[],
  start: number,
  cache: KvRows[],
): Float32Array[] {
  const { dim, heads, kvHeads, headDim, rmsEps } = config;
  const embd = weights.tokenEmbedding;
  let x: Float32Array[] = tokens.map((t) => embd.data.slice(t * dim, (t + 1) * dim));
  weights.layers.forEach((layer, l) => {
    const h = x.map((row) => rmsNormMul(row, layer.attnNorm, rmsEps));
    const q = addBias(project(ctx, layer, "q", h), layer.qBias).map((r, t) => rope(ctx, r, heads, start + t, config));
    const k = addBias(project(ctx, layer, "k", h), layer.kBias).map((r, t) => rope(ctx, r, kvHeads, start + t, config));
    const v = addBias(project(ctx, layer, "v", h), layer.vBias);
    const rows = cache[l]!;
    rows.k.push(...k);
    rows.v.push(...v);
    const attended = attention(ctx, { q, k: rows.k, v: rows.v, start, heads, kvHeads, headDim });
    const projected = project(ctx, layer, "o", attended);
    const ffnIn = x.map((row, t) => add(projected[t]!, row));
    const h2 = ffnIn.map((row) => rmsNormMul(row, layer.ffnNorm, rmsEps));
    const gate = project(ctx, layer, "gate", h2);
    const up = project(ctx, layer, "up", h2);
    const down = project(
      ctx,
      layer,
      "down",
      gate.map((g, t) => swiglu(ctx, g, up[t]!)),
    );
    x = ffnIn.map((row, t) => add(down[t]!, row));
  });
  const normed = x.map((row) => rmsNormMul(row, weights.outputNorm, rmsEps));
  return mulMat(ctx, weights.output, normed);
}
