import { halfToFloatTable } from "./half.js";
import { nearestInt } from "./kQuantSearch.js";
import { fitScaleMins, packScaleMins, unpackScaleMin } from "./kScales.js";

/** Q5_K: super-blocks of 256, 176 bytes: f16 d, f16 dmin, scales[12], qh[32] (5th bits), qs[128] (low nibbles). */
export const Q5_K = { blockSize: 256, typeSize: 176 } as const;

/** As ggml-quants.c `dequantize_row_q5_K`: chunk c uses qh bit 2c (low nibbles) and bit 2c+1 (high nibbles). */
export function dequantizeQ5_K(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  for (let b = 0; b < out.length / 256; b++) {
    const at = b * 176;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    const dmin = half[bytes[at + 2]! | (bytes[at + 3]! << 8)]!;
    const qh = at + 16;
    for (let c = 0; c < 4; c++) {
      const [sc1, m1] = unpackScaleMin(bytes, at + 4, 2 * c);
      const [sc2, m2] = unpackScaleMin(bytes, at + 4, 2 * c + 1);
      const d1 = fr(d * sc1);
      const min1 = fr(dmin * m1);
      const d2 = fr(d * sc2);
      const min2 = fr(dmin * m2);
      const u1 = 1 << (2 * c);
      const u2 = 2 << (2 * c);
      const qs = at + 48 + 32 * c;
      const y = b * 256 + 64 * c;
      for (let l = 0; l < 32; l++) {
        const q = bytes[qs + l]!;
        const h = bytes[qh + l]!;
        out[y + l] = fr(d1 * ((q & 15) + (h & u1 ? 16 : 0))) - min1;
        out[y + 32 + l] = fr(d2 * ((q >> 4) + (h & u2 ? 16 : 0))) - min2;
      }
    }
  }
}

export function quantizeQ5_K(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  for (let b = 0; b < values.length / 256; b++) {
    const at = b * 176;
    const { hd, hm, sc, m } = fitScaleMins(values, b * 256, 31);
    out.fill(0, at, at + 176);
    out.set([hd & 0xff, hd >> 8, hm & 0xff, hm >> 8], at);
    packScaleMins(sc, m, out, at + 4);
    for (let j = 0; j < 8; j++) {
      const step = half[hd]! * sc[j]!;
      const offset = half[hm]! * m[j]!;
      const c = j >> 1;
      const high = j & 1;
      for (let l = 0; l < 32; l++) {
        const x = values[b * 256 + 32 * j + l]!;
        const q = step ? Math.max(0, Math.min(31, nearestInt((x + offset) / step))) : 0;
        out[at + 48 + 32 * c + l] = out[at + 48 + 32 * c + l]! | ((q & 15) << (4 * high));
        if (q & 16) out[at + 16 + l] = out[at + 16 + l]! | (1 << (2 * c + high));
      }
    }
  }
}
