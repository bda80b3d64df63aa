import { floatToHalf } from "./half.js";
import { makeQkx2Quants, nearestInt } from "./kQuantSearch.js";

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
 * Per-sub-block 6-bit (scale, min) for Q4_K (maxQ 15) / Q5_K (maxQ 31), as ggml's reference quantizer picks them:
 * `make_qkx2_quants` on each sub-block of 32 with weights avg|x| + |x|, then scales and mins to 6 bits against
 * their maxima. Returns the f16 bits of d and dmin.
 */
export function fitScaleMins(
  values: Float32Array,
  start: number,
  maxQ: 15 | 31,
): { hd: number; hm: number; sc: Uint8Array; m: Uint8Array } {
  const search = maxQ === 15 ? { rmin: -1, rdelta: 0.1, nstep: 20 } : { rmin: -0.5, rdelta: 0.1, nstep: 15 };
  const weights = new Float32Array(32);
  const levels = new Uint8Array(32);
  const scales = new Float32Array(8);
  const mins = new Float32Array(8);
  for (let j = 0; j < 8; j++) {
    let sumX2 = 0;
    for (let l = 0; l < 32; l++) sumX2 += values[start + 32 * j + l]! ** 2;
    const avX = Math.sqrt(sumX2 / 32);
    for (let l = 0; l < 32; l++) weights[l] = avX + Math.abs(values[start + 32 * j + l]!);
    [scales[j], mins[j]] = makeQkx2Quants(values, start + 32 * j, 32, maxQ, weights, levels, search);
  }
  const maxScale = Math.max(...scales);
  const maxMin = Math.max(...mins);
  const invScale = maxScale > 0 ? 63 / maxScale : 0;
  const invMin = maxMin > 0 ? 63 / maxMin : 0;
  const sc = new Uint8Array(8);
  const m = new Uint8Array(8);
  for (let j = 0; j < 8; j++) {
    sc[j] = Math.min(63, nearestInt(invScale * scales[j]!));
    m[j] = Math.min(63, nearestInt(invMin * mins[j]!));
  }
  return { hd: floatToHalf(maxScale / 63), hm: floatToHalf(maxMin / 63), sc, m };
}
