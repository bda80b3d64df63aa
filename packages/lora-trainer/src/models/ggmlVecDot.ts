/**
 * ggml's own dot products (vec.cpp `ggml_vec_dot_f32/_f16/_bf16`), taken where tinyBLAS is not: 1-token micro-batches,
 * shapes tinyBLAS refuses, and attention's K·Q. Each has its own block layout, register combination and scalar tail.
 */
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { exactDot, fma32, reduceLanes } from "./ggmlMath.js";
import { dpbf16Step } from "./ggmlTinyBlas.js";

const fr = Math.fround;

/** Four accumulators of `lanes` over blocks of 4·lanes, combined 0+2, 1+3, 0+1, then hsum (GGML_F32_VEC_REDUCE). */
function simdBlocks(
  ctx: GgmlCpuContext,
  x: ArrayLike<number>,
  xOff: number,
  y: ArrayLike<number>,
  yOff: number,
  np: number,
  halfProducts = false,
): number {
  const { lanes } = ctx.profile;
  const acc = ctx.blocks;
  const stride = 4 * lanes;
  for (let j = 0; j < 4; j++) {
    const accJ = acc[j]!;
    for (let l = 0; l < lanes; l++) {
      let sum = 0;
      for (let e = j * lanes + l; e < np; e += stride) {
        const a = x[xOff + e] as number;
        const b = y[yOff + e] as number;
        sum = halfProducts ? fr(sum + a * b) : fma32(a, b, sum); // see tinyDot
      }
      accJ[l] = sum;
    }
  }
  for (let l = 0; l < lanes; l++) {
    acc[0]![l] = fr((acc[0]![l] as number) + (acc[2]![l] as number));
    acc[1]![l] = fr((acc[1]![l] as number) + (acc[3]![l] as number));
    acc[0]![l] = fr((acc[0]![l] as number) + (acc[1]![l] as number));
  }
  if (lanes === 16) return reduceLanes(acc[0]!, 16);
  // GGML_F32x8_REDUCE: t0 = low half + high half, then two _mm_hadd_ps: (t0₀ + t0₁) + (t0₂ + t0₃).
  const a = acc[0]!;
  const t = [0, 1, 2, 3].map((i) => fr((a[i] as number) + (a[i + 4] as number)));
  return fr(fr((t[0] as number) + (t[1] as number)) + fr((t[2] as number) + (t[3] as number)));
}

/** ggml_vec_dot_f32 (vec.cpp): SIMD blocks of 4·lanes into a float, then a float scalar tail. */
export function vecDotF32(
  ctx: GgmlCpuContext,
  x: ArrayLike<number>,
  xOff: number,
  y: ArrayLike<number>,
  yOff: number,
  n: number,
): number {
  if (ctx.exactDots) return exactDot(x, xOff, y, yOff, n);
  const np = n & ~(4 * ctx.profile.lanes - 1);
  let sum = np > 0 ? simdBlocks(ctx, x, xOff, y, yOff, np) : 0;
  for (let i = np; i < n; i++) {
    const a = x[xOff + i] as number;
    const b = y[yOff + i] as number;
    sum = ctx.dotTailFma ? fma32(a, b, sum) : fr(sum + fr(a * b));
  }
  return sum;
}

/** ggml_vec_dot_f16: SIMD blocks, then a double tail of exact products, rounded once. */
export function vecDotF16(ctx: GgmlCpuContext, x: Float32Array, xOff: number, y: Float32Array, n: number): number {
  const np = n & ~(4 * ctx.profile.lanes - 1);
  let sum = np > 0 ? simdBlocks(ctx, x, xOff, y, 0, np, true) : 0;
  for (let i = np; i < n; i++) sum += (x[xOff + i] as number) * (y[i] as number);
  return fr(sum);
}

/** ggml_vec_dot_bf16 (AVX512-BF16: two vdpbf16ps accumulators over blocks of 64; else lanes of plain FMA-free adds). */
export function vecDotBf16(ctx: GgmlCpuContext, x: Float32Array, xOff: number, y: Float32Array, n: number): number {
  let i = 0;
  let sum = 0;
  if (ctx.profile.avx512bf16) {
    const c1 = new Float64Array(16);
    const c2 = new Float64Array(16);
    for (; i + 64 <= n; i += 64) {
      dpbf16Step(ctx, c1, x, xOff, y, i);
      dpbf16Step(ctx, c2, x, xOff, y, i + 32);
    }
    sum += reduceLanes(c1, 16);
    sum += reduceLanes(c2, 16);
  } else if (ctx.profile.lanes === 16) {
    const c1 = new Float64Array(16);
    const c2 = new Float64Array(16);
    for (; i + 32 <= n; i += 32) {
      for (let j = 0; j < 16; j++) {
        c1[j] = fr(fr((x[xOff + i + j] as number) * (y[i + j] as number)) + (c1[j] as number));
        c2[j] = fr(fr((x[xOff + i + 16 + j] as number) * (y[i + 16 + j] as number)) + (c2[j] as number));
      }
    }
    sum += reduceLanes(c1, 16);
    sum += reduceLanes(c2, 16);
  } else {
    const c = Array.from({ length: 4 }, () => new Float64Array(8));
    for (; i + 32 <= n; i += 32) {
      for (let q = 0; q < 4; q++) {
        for (let j = 0; j < 8; j++) {
          const e = i + 8 * q + j;
          c[q]![j] = fr(fr((x[xOff + e] as number) * (y[e] as number)) + (c[q]![j] as number));
        }
      }
    }
    const s = new Float64Array(8);
    for (let j = 0; j < 8; j++) {
      s[j] = fr(fr((c[0]![j] as number) + (c[2]![j] as number)) + fr((c[1]![j] as number) + (c[3]![j] as number)));
    }
    sum += reduceLanes(s, 8);
  }
  for (; i < n; i++) sum += (x[xOff + i] as number) * (y[i] as number);
  return fr(sum);
}
