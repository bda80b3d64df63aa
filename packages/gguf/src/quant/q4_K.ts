import { halfToFloatTable } from "./half.js";
import { nearestInt } from "./kQuantSearch.js";
import { fitScaleMins, packScaleMins, unpackScaleMin } from "./kScales.js";

/** Q4_K: super-blocks of 256, 144 bytes: f16 d, f16 dmin, scales[12], qs[128] (two nibbles per byte). */
export const Q4_K = { blockSize: 256, typeSize: 144 } as const;

/** As ggml-quants.c `dequantize_row_q4_K`: chunk c of 64 uses sub-blocks 2c (low nibbles) and 2c+1 (high nibbles). */
export function dequantizeQ4_K(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  for (let b = 0; b < out.length / 256; b++) {
    const at = b * 144;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    const dmin = half[bytes[at + 2]! | (bytes[at + 3]! << 8)]!;
    for (let c = 0; c < 4; c++) {
      const [sc1, m1] = unpackScaleMin(bytes, at + 4, 2 * c);
      const [sc2, m2] = unpackScaleMin(bytes, at + 4, 2 * c + 1);
      const d1 = fr(d * sc1);
      const min1 = fr(dmin * m1);
      const d2 = fr(d * sc2);
      const min2 = fr(dmin * m2);
      const qs = at + 16 + 32 * c;
      const y = b * 256 + 64 * c;
      for (let l = 0; l < 32; l++) {
        const q = bytes[qs + l]!;
        out[y + l] = fr(d1 * (q & 15)) - min1;
        out[y + 32 + l] = fr(d2 * (q >> 4)) - min2;
      }
    }
  }
}

export function quantizeQ4_K(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  for (let b = 0; b < values.length / 256; b++) {
    const at = b * 144;
    const { hd, hm, sc, m } = fitScaleMins(values, b * 256, 15);
    out.set([hd & 0xff, hd >> 8, hm & 0xff, hm >> 8], at);
    packScaleMins(sc, m, out, at + 4);
    const q = new Uint8Array(256);
    for (let j = 0; j < 8; j++) {
      const step = half[hd]! * sc[j]!;
      const offset = half[hm]! * m[j]!;
      for (let l = 0; l < 32; l++) {
        const x = values[b * 256 + 32 * j + l]!;
        q[32 * j + l] = step ? Math.max(0, Math.min(15, nearestInt((x + offset) / step))) : 0;
      }
    }
    for (let c = 0; c < 4; c++) {
      for (let l = 0; l < 32; l++) out[at + 16 + 32 * c + l] = q[64 * c + l]! | (q[64 * c + 32 + l]! << 4);
    }
  }
}
