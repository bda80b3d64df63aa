/**
 * llamafile's tinyBLAS (sgemm.cpp), which ggml uses for a matmul of two or more columns when the shape fits. Its
 * accumulation order (one FMA chain per SIMD lane, then a halving sum) differs from ggml_vec_dot's, so a batch of
 * tokens and the same tokens one at a time give different bits.
 */
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { exactDot, fma32, reduceLanes } from "./ggmlMath.js";

const fr = Math.fround;

/** tinyBLAS gemm_bloc, one output: lane j accumulates elements ≡ j (mod lanes) with FMA, then hsum. */
export function tinyDot(
  ctx: GgmlCpuContext,
  a: ArrayLike<number>,
  aOff: number,
  b: ArrayLike<number>,
  bOff: number,
  k: number,
  halfProducts = false,
): number {
  if (ctx.exactDots) return exactDot(a, aOff, b, bOff, k);
  const { lanes } = ctx.profile;
  const acc = ctx.lanes;
  for (let j = 0; j < lanes; j++) {
    let sum = 0; // lanes are independent: one at a time is the same sequence of roundings
    if (halfProducts) {
      // F16·F16 and BF16·BF16 products are float32 values, and a float64 sum of two float32 values rounds to the
      // same float32 as the exact sum (exact when their exponents are within 29, else the smaller is below
      // 2^-29 relative and both round to the larger), so the FMA is this plain add.
      for (let l = j; l < k; l += lanes) sum = fr(sum + (a[aOff + l] as number) * (b[bOff + l] as number));
    } else {
      for (let l = j; l < k; l += lanes) sum = fma32(a[aOff + l] as number, b[bOff + l] as number, sum);
    }
    acc[j] = sum;
  }
  return reduceLanes(acc, lanes);
}

/** vdpbf16ps lane update: acc + a[2j]·b[2j] + a[2j+1]·b[2j+1] (products are exact in float32). */
function dp(ctx: GgmlCpuContext, acc: number, p0: number, p1: number): number {
  if (ctx.dpbf16 === "fused") return fr(acc + (p0 + p1));
  if (ctx.dpbf16 === "odd-first") return fr(fr(acc + p1) + p0);
  return fr(fr(acc + p0) + p1);
}

/** One vdpbf16ps over 32 elements from `base`: each of 16 lanes in `acc` takes the pair (base + 2j, base + 2j + 1). */
export function dpbf16Step(
  ctx: GgmlCpuContext,
  acc: Float64Array,
  x: Float32Array,
  xOff: number,
  y: Float32Array,
  base: number,
): void {
  for (let j = 0; j < 16; j++) {
    const e = base + 2 * j;
    acc[j] = dp(
      ctx,
      acc[j] as number,
      (x[xOff + e] as number) * (y[e] as number),
      (x[xOff + e + 1] as number) * (y[e + 1] as number),
    );
  }
}

/** tinyBLAS<32, __m512, __m512bh> (AVX512-BF16): 16 lanes, each takes a pair of adjacent elements per step. */
export function tinyDotBf16(ctx: GgmlCpuContext, a: Float32Array, aOff: number, b: Float32Array, k: number): number {
  const acc = ctx.lanes.fill(0);
  for (let l = 0; l < k; l += 32) dpbf16Step(ctx, acc, a, aOff, b, l);
  return reduceLanes(acc, 16);
}
