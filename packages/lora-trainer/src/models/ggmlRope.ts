/**
 * ggml's RoPE (ops.cpp ggml_compute_forward_rope_f32). Its angles come from a float32 recurrence and glibc's
 * cosf/sinf rather than from exact angles, and one GCC-contracted FMA in the rotation, so all three are reproduced.
 */
import type { DecoderConfig } from "./DecoderConfig.js";
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { fma32 } from "./ggmlMath.js";
import { libmCosf, libmSinf } from "./libmSinCosf.js";

const fr = Math.fround;

/** a·b + c·d as GCC may contract it. */
function twoProducts(ctx: GgmlCpuContext, a: number, b: number, c: number, d: number): number {
  if (ctx.ropeContraction === "first") return fma32(a, b, fr(c * d));
  if (ctx.ropeContraction === "second") return fma32(c, d, fr(a * b));
  return fr(fr(a * b) + fr(c * d));
}

/**
 * ggml_compute_forward_rope_f32 (ops.cpp): θ starts at the position and is multiplied by powf(base, -2/n_dims) in
 * float32 per pair; glibc's cosf/sinf of it (libmSinCosf.ts); NORM pairs (2i, 2i+1), NEOX pairs (i, i+hd/2).
 */
export function rope(
  ctx: GgmlCpuContext,
  row: Float32Array,
  nHeads: number,
  pos: number,
  config: DecoderConfig,
): Float32Array {
  const { headDim, ropeBase, ropeStyle } = config;
  const thetaScale = fr(fr(ropeBase) ** fr(-2 / headDim));
  const cos = new Float64Array(headDim / 2);
  const sin = new Float64Array(headDim / 2);
  let theta = fr(pos);
  for (let i = 0; i < headDim / 2; i++) {
    cos[i] = libmCosf(theta);
    sin[i] = libmSinf(theta);
    theta = fr(theta * thetaScale);
  }
  const out = new Float32Array(row.length);
  for (let h = 0; h < nHeads; h++) {
    for (let i = 0; i < headDim / 2; i++) {
      const [a, b] = ropeStyle === "neox" ? [i, i + headDim / 2] : [2 * i, 2 * i + 1];
      const x0 = row[h * headDim + a] as number;
      const x1 = row[h * headDim + b] as number;
      const c = cos[i] as number;
      const s = sin[i] as number;
      out[h * headDim + a] = twoProducts(ctx, x0, c, -x1, s);
      out[h * headDim + b] = twoProducts(ctx, x0, s, x1, c);
    }
  }
  return out;
}
