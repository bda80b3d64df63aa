/**
 * The float32 primitives ggml's kernels are built from, reproduced bit for bit: a once-rounded FMA, the pairwise
 * lane reductions of its SIMD horizontal sums, and the float64 references the ablations and log-probs use. Every
 * other ggml*.ts file composes these, so a rounding that differs from ggml's can only come from here or the order.
 */

const fr = Math.fround;

/** float32 a·b + c with one rounding (ggml's FMAs); the double sum is corrected where it would double-round. */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const s = p + c;
  const r = fr(s);
  if (r === s || !Number.isFinite(s)) return r;
  const bv = s - p;
  const err = p - (s - bv) + (c - bv); // TwoSum: p + c = s + err exactly
  if (err === 0) return r;
  const other = fr(2 * s - r);
  if (other !== r && (r + other) / 2 === s) return err > 0 ? Math.max(r, other) : Math.min(r, other);
  return r;
}

/**
 * Pairwise halving sum of float32 lanes: _mm512_reduce_add_ps / tinyBLAS hsum (upper half + lower half, repeat).
 * Reduces `acc` in place (it is scratch).
 */
export function reduceLanes(acc: Float64Array, count: number): number {
  for (let n = count >> 1; n >= 1; n >>= 1) {
    for (let i = 0; i < n; i++) acc[i] = fr((acc[i] as number) + (acc[i + n] as number));
  }
  return acc[0] as number;
}

/** Σ x·y in float64 (error ~1e-16, far below float32's), rounded once: the order-free reference for ablations. */
export function exactDot(x: ArrayLike<number>, xOff: number, y: ArrayLike<number>, yOff: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[xOff + i] as number) * (y[yOff + i] as number);
  return fr(sum);
}

/** Round to the nearest integer, ties to even: how quantize_row_q8_0's SIMD conversion rounds. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Natural-log softmax of float32 logits, in float64 (so it adds no error of its own). */
export function logSoftmax(logits: Float32Array): Float32Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logits) max = Math.max(max, v);
  let z = 0;
  for (const v of logits) z += Math.exp(v - max);
  const lse = max + Math.log(z);
  return logits.map((v) => v - lse);
}
