import { floatToHalf, halfToFloatTable } from "./half.js";
import { nearestInt } from "./kQuantSearch.js";

/**
 * The 16 signed 6-bit scales of a Q3_K block (stored +32): low nibbles in scales[0..7] (entries 0–7 low, 8–15 high),
 * top 2 bits of entry j in scales[8 + j%4] at bit 2·⌊j/4⌋.
 */
function scaleQ3(bytes: Uint8Array, at: number, j: number): number {
  const low = j < 8 ? bytes[at + j]! & 15 : bytes[at + j - 8]! >> 4;
  const high = (bytes[at + 8 + (j % 4)]! >> (2 * (j >> 2))) & 3;
  return (low | (high << 4)) - 32;
}

/**
 * Q3_K: super-blocks of 256, 110 bytes: hmask[32], qs[64], scales[12], f16 d. Element e = 128n + 32j + l takes
 * bits 2j of qs[32n + l] and bit ⌊e/32⌋ of hmask[l]; x = d·sc·(q − (high bit ? 0 : 4)).
 */
export function dequantizeQ3_K(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  const scales = new Float32Array(16);
  for (let b = 0; b < out.length / 256; b++) {
    const at = b * 110;
    const d = half[bytes[at + 108]! | (bytes[at + 109]! << 8)]!;
    for (let j = 0; j < 16; j++) scales[j] = fr(d * scaleQ3(bytes, at + 96, j));
    for (let e = 0; e < 256; e++) {
      const l = e & 31;
      const q = (bytes[at + 32 + 32 * (e >> 7) + l]! >> (2 * ((e >> 5) & 3))) & 3;
      const high = (bytes[at + l]! >> (e >> 5)) & 1;
      out[256 * b + e] = scales[e >> 4]! * (q - (high ? 0 : 4));
    }
  }
}

/** Symmetric fit per 16 values, levels −4..3, signed 6-bit scales against the largest (ggml's format). */
export function quantizeQ3_K(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  const scales = new Float32Array(16);
  for (let b = 0; b < values.length / 256; b++) {
    const at = b * 110;
    out.fill(0, at, at + 110);
    let maxScale = 0;
    for (let s = 0; s < 16; s++) {
      let amax = 0;
      for (let i = 0; i < 16; i++) amax = Math.max(amax, Math.abs(values[256 * b + 16 * s + i]!));
      scales[s] = amax / 4;
      maxScale = Math.max(maxScale, scales[s]!);
    }
    if (maxScale === 0) continue;
    const hd = floatToHalf(maxScale / 31);
    out[at + 108] = hd & 0xff;
    out[at + 109] = hd >> 8;
    const d = half[hd]!;
    for (let s = 0; s < 16; s++) {
      const sc = d ? Math.max(-32, Math.min(31, nearestInt(scales[s]! / d))) : 0;
      const stored = sc + 32;
      if (s < 8) out[at + 96 + s] = out[at + 96 + s]! | (stored & 15);
      else out[at + 96 + s - 8] = out[at + 96 + s - 8]! | ((stored & 15) << 4);
      out[at + 104 + (s % 4)] = out[at + 104 + (s % 4)]! | ((stored >> 4) << (2 * (s >> 2)));
      for (let i = 0; i < 16; i++) {
        const e = 16 * s + i;
        const level = (sc ? Math.max(-4, Math.min(3, nearestInt(values[256 * b + e]! / (d * sc)))) : 0) + 4;
        const l = e & 31;
        const byte = at + 32 + 32 * (e >> 7) + l;
        out[byte] = out[byte]! | ((level & 3) << (2 * ((e >> 5) & 3)));
        if (level & 4) out[at + l] = out[at + l]! | (1 << (e >> 5));
      }
    }
  }
}
