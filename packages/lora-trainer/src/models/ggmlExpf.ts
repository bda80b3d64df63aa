/**
 * ggml's own expf (vec.h `ggml_v_expf`), used by softmax and SiLU on SIMD blocks. It differs from libm's correctly
 * rounded expf in the last bits, and AVX-512 and AVX2 builds assemble the result differently, so each is here.
 */
import { fma32 } from "./ggmlMath.js";

const fr = Math.fround;
const HEX = (mantissa: number, exponent: number) => mantissa * 2 ** exponent;
// ggml_v_expf constants (vec.h), written as hex-float significand × power of two.
const EXP_SHIFT = HEX(0x18, 19); // 0x1.8p23
const LOG2E = HEX(0x1715476, -24); // 0x1.715476p+0
const LN2_HI = HEX(0x162e4, -17); // 0x1.62e4p-1
const LN2_LO = HEX(0x17f7d1c, -44); // 0x1.7f7d1cp-20
const C5 = HEX(0x10e4020, -31); // 0x1.0e4020p-7
const C4 = HEX(0x1573e2e, -29); // 0x1.573e2ep-5
const C3 = HEX(0x1555e66, -27); // 0x1.555e66p-3
const C2 = HEX(0x1fffdb6, -26); // 0x1.fffdb6p-2
const C1 = HEX(0x1ffffec, -25); // 0x1.ffffecp-1

/** The shared range reduction: n = round(x·log2 e) and b = x − n·ln 2 (in two parts), both as ggml rounds them. */
function reduce(x: number): { n: number; b: number; u: number } {
  const z = fma32(x, LOG2E, EXP_SHIFT);
  const n = fr(z - EXP_SHIFT);
  const b = fma32(-n, LN2_LO, fma32(-n, LN2_HI, x));
  return { n, b, u: fr(b * b) };
}

/** ggml_v_expf, one lane (vec.h, the AVX-512 and AVX2+FMA versions compute the same bits in range). */
export function ggmlVExpf(x: number): number {
  const { n, b, u } = reduce(x);
  if (!(Math.abs(n) <= 192)) return n <= 0 ? 0 : Number.POSITIVE_INFINITY;
  const j = fma32(fma32(fma32(C5, b, C4), u, fma32(C3, b, C2)), u, fma32(C1, b, 1));
  return fr(j * 2 ** n);
}

/**
 * ggml_v_expf, AVX2+FMA version (vec.h): the same reduction, but the polynomial leaves out the 1 and the scale is
 * applied as k + k·j with k = 2^n built from the exponent bits; past |n| > 126 it splits 2^n in two factors.
 */
export function ggmlVExpfAvx2(x: number): number {
  const { n, b, u } = reduce(x);
  const j = fma32(fma32(fma32(C5, b, C4), u, fma32(C3, b, C2)), u, fr(C1 * b));
  const absN = Math.abs(n);
  if (!(absN > 126)) return fma32(j, 2 ** n, 2 ** n);
  if (absN > 192) return n <= 0 ? 0 : Number.POSITIVE_INFINITY; // s1·s1 = 2^-254·… → 0, or 2^254 → inf
  // g = n ≤ 0 ? 0x82000000 : 0; s1 = bits(g + 0x7f000000) = 2^-125 or 2^127 (as float); s2 = 2^n / s1.
  const s1 = n <= 0 ? 2 ** -125 : 2 ** 127;
  const s2 = 2 ** n / s1;
  return fr(fma32(s2, j, s2) * s1);
}

/** glibc expf (correctly rounded in practice): what ggml's scalar tails call. */
export const libmExpf = (x: number): number => fr(Math.exp(x));
