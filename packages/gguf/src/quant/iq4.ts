import { floatToHalf, halfToFloatTable } from "./half.js";
import { nearestInt } from "./kQuantSearch.js";

/** ggml's `kvalues_iq4nl`: the 16 non-linear levels IQ4_NL and IQ4_XS index with 4 bits. */
const LEVELS = [-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113];

/** One group of 32: low nibbles of qs[0..15] are elements 0..15, high nibbles 16..31; x = dl·LEVELS[q]. */
function decodeGroup(bytes: Uint8Array, qs: number, dl: number, out: Float32Array, y: number): void {
  for (let j = 0; j < 16; j++) {
    const q = bytes[qs + j]!;
    out[y + j] = dl * LEVELS[q & 15]!;
    out[y + j + 16] = dl * LEVELS[q >> 4]!;
  }
}

/** IQ4_NL: blocks of 32, 18 bytes: f16 d, qs[16]. */
export function dequantizeIQ4_NL(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  for (let b = 0; b < out.length / 32; b++)
    decodeGroup(bytes, b * 18 + 2, half[bytes[b * 18]! | (bytes[b * 18 + 1]! << 8)]!, out, 32 * b);
}

/** IQ4_XS: super-blocks of 256, 136 bytes: f16 d, u16 scales_h, scales_l[4], qs[128]; 6-bit scale per 32, stored +32. */
export function dequantizeIQ4_XS(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  for (let b = 0; b < out.length / 256; b++) {
    const at = b * 136;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    const scalesH = bytes[at + 2]! | (bytes[at + 3]! << 8);
    for (let ib = 0; ib < 8; ib++) {
      const ls = ((bytes[at + 4 + (ib >> 1)]! >> (4 * (ib % 2))) & 15) | (((scalesH >> (2 * ib)) & 3) << 4);
      decodeGroup(bytes, at + 8 + 16 * ib, fr(d * (ls - 32)), out, 256 * b + 32 * ib);
    }
  }
}

/** Nearest of the 16 levels to x/scale. */
function nearestLevel(x: number): number {
  let best = 0;
  for (let i = 1; i < 16; i++) if (Math.abs(LEVELS[i]! - x) < Math.abs(LEVELS[best]! - x)) best = i;
  return best;
}

/** Writes one group's nibbles for scale `dl` (a plain nearest-level fit, not ggml's search). */
function encodeGroup(values: Float32Array, start: number, dl: number, out: Uint8Array, qs: number): void {
  const q = (x: number) => (dl ? nearestLevel(x / dl) : 8);
  for (let j = 0; j < 16; j++) out[qs + j] = q(values[start + j]!) | (q(values[start + j + 16]!) << 4);
}

/** The scale that maps the value of largest magnitude onto the level of the same sign and largest magnitude. */
function groupScale(values: Float32Array, start: number): number {
  let max = 0;
  for (let i = 0; i < 32; i++) if (Math.abs(values[start + i]!) > Math.abs(max)) max = values[start + i]!;
  return max < 0 ? max / -127 : max / 113;
}

export function quantizeIQ4_NL(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  for (let b = 0; b < values.length / 32; b++) {
    const hd = floatToHalf(groupScale(values, 32 * b));
    out[b * 18] = hd & 0xff;
    out[b * 18 + 1] = hd >> 8;
    encodeGroup(values, 32 * b, half[hd]!, out, b * 18 + 2);
  }
}

export function quantizeIQ4_XS(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  const scales = new Float32Array(8);
  for (let b = 0; b < values.length / 256; b++) {
    const at = b * 136;
    out.fill(0, at, at + 136);
    for (let ib = 0; ib < 8; ib++) scales[ib] = groupScale(values, 256 * b + 32 * ib);
    const maxScale = Math.max(...scales.map(Math.abs));
    const hd = floatToHalf(maxScale / 31);
    out[at] = hd & 0xff;
    out[at + 1] = hd >> 8;
    const d = half[hd]!;
    let scalesH = 0;
    for (let ib = 0; ib < 8; ib++) {
      const ls = (d ? Math.max(-32, Math.min(31, nearestInt(scales[ib]! / d))) : 0) + 32;
      out[at + 4 + (ib >> 1)] = out[at + 4 + (ib >> 1)]! | ((ls & 15) << (4 * (ib % 2)));
      scalesH |= (ls >> 4) << (2 * ib);
      encodeGroup(values, 256 * b + 32 * ib, fr(d * (ls - 32)), out, at + 8 + 16 * ib);
    }
    out[at + 2] = scalesH & 0xff;
    out[at + 3] = scalesH >> 8;
  }
}
