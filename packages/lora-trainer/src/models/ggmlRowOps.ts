/**
 * The row-wise ops between the matmuls (RMS norm, SwiGLU, residual adds). Each rounds in float32 where ggml does,
 * with RMS norm's double sum and SwiGLU's expf split between ggml's polynomial and libm as the SIMD blocks fall.
 */
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { libmExpf } from "./ggmlExpf.js";

const fr = Math.fround;

/** Element-wise float32 a + b (ggml_add; also the bias add). */
export function add(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** Adds `bias` to every row, or returns the rows when there is none. */
export function addBias(rows: Float32Array[], bias: Float32Array | undefined): Float32Array[] {
  return bias ? rows.map((r) => add(r, bias)) : rows;
}

/** ggml_compute_forward_rms_norm_f32 fused with the gain multiply (ops.cpp): double sum of float squares. */
export function rmsNormMul(x: Float32Array, gain: Float32Array, eps: number): Float32Array {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += fr((x[i] as number) * (x[i] as number));
  const mean = fr(sum / x.length);
  const scale = fr(1 / fr(Math.sqrt(fr(mean + fr(eps)))));
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = fr(fr((x[i] as number) * scale) * (gain[i] as number));
  return out;
}

/** ggml_vec_swiglu_f32: SIMD blocks of 16 (AVX-512) or 8 use ggml_v_silu, the tail uses libm expf. */
export function swiglu(ctx: GgmlCpuContext, gate: Float32Array, up: Float32Array): Float32Array {
  const { lanes } = ctx.profile;
  const n = gate.length;
  const out = new Float32Array(n);
  const simd = n - (n % lanes);
  for (let i = 0; i < n; i++) {
    const x = gate[i] as number;
    const e = i < simd ? ctx.vExpf(-x) : libmExpf(-x);
    out[i] = fr(fr(x / fr(1 + e)) * (up[i] as number));
  }
  return out;
}
