import { floatToHalf, halfToFloatTable } from "./half.js";

/**
 * The 12-byte `scales` field of Q4_K/Q5_K: 8 six-bit (scale, min) pairs (ggml-quants.c `get_scale_min_k4`).
 * For j<4: sc = s[j]&63, m = s[j+4]&63. For j≥4 the low 4 bits sit in s[j+4] and the top 2 bits in the spare bits of s[j-4] / s[j].
 */
export function unpackScaleMin(scales: Uint8Array, at: number, j: number): [scale: number, min: number] {
  if (j < 4) return [scales[at + j]! & 63, scales[at + j + 4]! & 63];
  const s = scales[at + j + 4]!;
  return [(s & 15) | ((scales[at + j - 4]! >> 6) << 4), (s >> 4) | ((scales[at + j]! >> 6) << 4)];
}

/** Inverse of {@link unpackScaleMin}: writes 8 (scale, min) pairs of 0..63 into out[at..at+12]. */
export function packScaleMins(scales: ArrayLike<number>, mins: ArrayLike<number>, out: Uint8Array, at: number): void {
  for (let j = 0; j < 12; j++) out[at + j] = 0;
  for (let j = 0; j < 8; j++) {
    const ls = scales[j]!;
    const lm = mins[j]!;
    if (j < 4) {
      out[at + j] = ls;
      out[at + j + 4] = lm;
    } else {
      out[at + j + 4] = (ls & 15) | ((lm & 15) << 4);
      out[at + j - 4] = out[at + j - 4]! | ((ls >> 4) << 6);
      out[at + j] = out[at + j]! | ((lm >> 4) << 6);
    }
  }
}

/**
 * Picks per-sub-block (scale, min) for an asymmetric k-quant with levels 0..maxQ: x ≈ d·sc·q − dmin·m.
 * Simple min/max fit (not ggml's iterative search): dequantization is what must match llama.cpp, not the rounding.
 */
export function fitScaleMins(
  values: Float32Array,
  start: number,
  maxQ: number,
): { d: number; dmin: number; sc: Uint8Array; m: Uint8Array } {
  const scale = new Float32Array(8);
  const min = new Float32Array(8);
  for (let j = 0; j < 8; j++) {
    let lo = 0;
    let hi = 0;
    for (let l = 0; l < 32; l++) {
      const x = values[start + 32 * j + l]!;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    scale[j] = (hi - lo) / maxQ;
    min[j] = -lo;
  }
  // d and dmin are stored as f16: fit the 6-bit scales against the rounded values.
  const half = halfToFloatTable();
  const d = half[floatToHalf(Math.max(...scale) / 63)]!;
  const dmin = half[floatToHalf(Math.max(...min) / 63)]!;
  const sc = new Uint8Array(8);
  const m = new Uint8Array(8);
  for (let j = 0; j < 8; j++) {
    sc[j] = d ? Math.min(63, Math.ceil(scale[j]! / d)) : 0;
    m[j] = dmin ? Math.min(63, Math.round(min[j]! / dmin)) : 0;
  }
  return { d, dmin, sc, m };
}
