import { floatToHalf, halfToFloatTable } from "./half.js";
import { nearestInt } from "./kQuantSearch.js";

/**
 * Q2_K: super-blocks of 256, 84 bytes: scales[16] (low nibble scale, high nibble min per 16 values), qs[64] (2 bits
 * each), f16 d, f16 dmin. Element 128n + 32j + l takes bits 2j of qs[32n + l]; x = d·sc·q − dmin·m.
 */
export function dequantizeQ2_K(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  for (let b = 0; b < out.length / 256; b++) {
    const at = b * 84;
    const d = half[bytes[at + 80]! | (bytes[at + 81]! << 8)]!;
    const dmin = half[bytes[at + 82]! | (bytes[at + 83]! << 8)]!;
    for (let e = 0; e < 256; e++) {
      const sc = bytes[at + (e >> 4)]!;
      const q = (bytes[at + 16 + 32 * (e >> 7) + (e & 31)]! >> (2 * ((e >> 5) & 3))) & 3;
      out[256 * b + e] = fr(fr(d * (sc & 15)) * q) - fr(dmin * (sc >> 4));
    }
  }
}

/** A plain min/max fit per 16 values with 4-bit scales and mins (same format as ggml's, a simpler search). */
export function quantizeQ2_K(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  const scale = new Float32Array(16);
  const min = new Float32Array(16);
  for (let b = 0; b < values.length / 256; b++) {
    const at = b * 84;
    out.fill(0, at, at + 84);
    for (let s = 0; s < 16; s++) {
      let lo = 0;
      let hi = 0;
      for (let i = 0; i < 16; i++) {
        lo = Math.min(lo, values[256 * b + 16 * s + i]!);
        hi = Math.max(hi, values[256 * b + 16 * s + i]!);
      }
      scale[s] = (hi - lo) / 3;
      min[s] = -lo;
    }
    const hd = floatToHalf(Math.max(...scale) / 15);
    const hm = floatToHalf(Math.max(...min) / 15);
    out.set([hd & 0xff, hd >> 8, hm & 0xff, hm >> 8], at + 80);
    const d = half[hd]!;
    const dmin = half[hm]!;
    for (let s = 0; s < 16; s++) {
      const sc = d ? Math.min(15, Math.ceil(scale[s]! / d)) : 0;
      const m = dmin ? Math.min(15, nearestInt(min[s]! / dmin)) : 0;
      out[at + s] = sc | (m << 4);
      for (let i = 0; i < 16; i++) {
        const e = 16 * s + i;
        const q = sc ? Math.max(0, Math.min(3, nearestInt((values[256 * b + e]! + dmin * m) / (d * sc)))) : 0;
        const byte = at + 16 + 32 * (e >> 7) + (e & 31);
        out[byte] = out[byte]! | (q << (2 * ((e >> 5) & 3)));
      }
    }
  }
}
