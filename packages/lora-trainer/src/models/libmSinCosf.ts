/**
 * sinf/cosf with the bits of glibc ≥ 2.28 (the single-precision algorithm glibc took from Arm's optimized-routines,
 * MIT-licensed; re-implemented here): ggml's RoPE calls cosf/sinf, and about 1% of their results differ by one ulp
 * from the correctly rounded value that `Math.fround(Math.cos(x))` gives — enough to flip an F16 rounding downstream.
 *
 * Method: evaluate in float64 a short polynomial on x reduced to [-π/4, π/4] (a multiply-subtract by π/2 for
 * |x| < 120, a 96-bit fixed-point product with 4/π for larger |x|), then round to float32. The polynomial is only
 * accurate to ~2^-30, which is why the float32 result is sometimes not the nearest one, and why it must be replicated.
 * FMA contraction in glibc's FMA build changes the float64 value by ~1e-16, which moves the float32 result with
 * probability ~1e-8; that is ignored.
 */

const fr = Math.fround;
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const bitsOf = (x: number) => {
  f32[0] = x;
  return u32[0] as number;
};
/** (|x| float bits >> 20) & 0x7ff: glibc compares ranges on these top 12 bits. */
const top12 = (x: number) => (bitsOf(x) >>> 20) & 0x7ff;

const HPI_INV = 0x145f306dc9c883 * 2 ** -29; // 0x1.45F306DC9C883p+23 = 2^24/π, for the quadrant·2^24 trick
const HPI = 0x1921fb54442d18 * 2 ** -52; // 0x1.921FB54442D18p0 = π/2
const PI64 = 0x1921fb54442d18 * 2 ** -114; // 0x1.921FB54442D18p-62 = π·2^-64
const TOP12_PIO4 = top12(fr(0x1921fb54442d18 * 2 ** -53)); // π/4
const TOP12_TINY = top12(2 ** -12);
const TOP12_120 = top12(120);

const hex = (mantissa: number, exponent: number) => mantissa * 2 ** exponent;
/** Polynomial coefficients; the second set is negated to give −cos for quadrants 2 and 3 (sign handled by p). */
interface Poly {
  c0: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  s1: number;
  s2: number;
  s3: number;
}
const C1 = -hex(0x1ffffffd0c621c, -54); // -0x1.ffffffd0c621cp-2
const C2 = hex(0x155553e1068f19, -57); // 0x1.55553e1068f19p-5
const C3 = -hex(0x16c087e89a359d, -62); // -0x1.6c087e89a359dp-10
const C4 = hex(0x199343027bf8c3, -68); // 0x1.99343027bf8c3p-16
const S1 = -hex(0x1555545995a603, -55); // -0x1.555545995a603p-3
const S2 = hex(0x11107605230bc4, -59); // 0x1.1107605230bc4p-7
const S3 = -hex(0x1994eb3774cf24, -65); // -0x1.994eb3774cf24p-13
const POLY: readonly [Poly, Poly] = [
  { c0: 1, c1: C1, c2: C2, c3: C3, c4: C4, s1: S1, s2: S2, s3: S3 },
  { c0: -1, c1: -C1, c2: -C2, c3: -C3, c4: -C4, s1: S1, s2: S2, s3: S3 },
];
const SIGN = [1, -1, -1, 1] as const;

/** 4/π (2/π's hex digits) as 32-bit windows that advance 8 bits per entry; the first three are its prefixes. */
const INV_PIO4_DIGITS = "a2f9836e4e441529fc2757d1f534ddc0db6295993c439041";
const INV_PIO4 = Array.from({ length: 24 }, (_, i) =>
  i < 3
    ? Number.parseInt(INV_PIO4_DIGITS.slice(0, 2 * (i + 1)), 16)
    : Number.parseInt(INV_PIO4_DIGITS.slice(2 * (i - 3), 2 * (i - 3) + 8), 16),
);

/** sin (n even) or cos (n odd) polynomial of x ∈ [-π/4, π/4] in float64, rounded to float32. */
function poly(x: number, x2: number, p: Poly, n: number): number {
  if ((n & 1) === 0) {
    const x3 = x * x2;
    const s1 = p.s2 + x2 * p.s3;
    const x7 = x3 * x2;
    const s = x + x3 * p.s1;
    return fr(s + x7 * s1);
  }
  const x4 = x2 * x2;
  const c2 = p.c3 + x2 * p.c4;
  const c1 = p.c0 + x2 * p.c1;
  const x6 = x4 * x2;
  const c = c1 + x4 * p.c2;
  return fr(c + x6 * c2);
}

/** |x| < 120: one multiply-subtract by π/2; the quadrant is computed ·2^24 to round without lround. */
function reduceFast(x: number): { r: number; n: number } {
  const scaled = x * HPI_INV;
  const n = ((Math.trunc(scaled) | 0) + 0x800000) >> 24;
  return { r: x - n * HPI, n };
}

const MASK64 = (1n << 64n) - 1n;
/** |x| ≥ 120: exact fixed-point product with 96 bits of 4/π chosen by the exponent (Payne–Hanek style). */
function reduceLarge(bits: number): { r: number; n: number } {
  const at = (bits >>> 26) & 15;
  const shift = (bits >>> 23) & 7;
  let xi = ((bits & 0xffffff) | 0x800000) >>> 0;
  xi = (xi << shift) >>> 0;
  const x = BigInt(xi);
  const res0 = (x * BigInt(INV_PIO4[at] as number)) & 0xffffffffn; // a 32-bit product in C
  const res1 = x * BigInt(INV_PIO4[at + 4] as number);
  const res2 = x * BigInt(INV_PIO4[at + 8] as number);
  let acc = ((res2 >> 32n) | (res0 << 32n)) & MASK64;
  acc = (acc + res1) & MASK64;
  const n = ((acc + (1n << 61n)) & MASK64) >> 62n;
  acc = (acc - (n << 62n)) & MASK64;
  const signed = BigInt.asIntN(64, acc);
  return { r: Number(signed) * PI64, n: Number(n) };
}

/** glibc's sinf (x a float32 value). */
export function libmSinf(y: number): number {
  return sinCos(y, 0);
}

/** glibc's cosf (x a float32 value). */
export function libmCosf(y: number): number {
  return sinCos(y, 1);
}

/** which = 0: sin, 1: cos. */
function sinCos(y: number, which: 0 | 1): number {
  const t = top12(y);
  if (t < TOP12_PIO4) {
    if (t < TOP12_TINY) return which === 0 ? y : 1;
    return poly(y, y * y, POLY[0], which);
  }
  if (!Number.isFinite(y)) return Number.NaN;
  let r: number;
  let quadrant: number;
  let n: number;
  if (t < TOP12_120) {
    ({ r, n } = reduceFast(y));
    quadrant = n;
  } else {
    const bits = bitsOf(y);
    ({ r, n } = reduceLarge(bits));
    quadrant = n + (bits >>> 31);
  }
  const s = SIGN[quadrant & 3] as number;
  const p = quadrant & 2 ? POLY[1] : POLY[0];
  return poly(r * s, r * r, p, which === 0 ? n : n ^ 1);
}
