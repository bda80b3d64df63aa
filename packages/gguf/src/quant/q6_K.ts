import { floatToHalf, halfToFloatTable } from "./half.js";
import { makeQxQuants, nearestInt } from "./kQuantSearch.js";

/** Q6_K: super-blocks of 256, 210 bytes: ql[128] (low nibbles), qh[64] (2 high bits), int8 scales[16], f16 d. */
export const Q6_K = { blockSize: 256, typeSize: 210 } as const;

/**
 * As ggml-quants.c `dequantize_row_q6_K`: each half of 128 uses ql[64], qh[32], scales[8]; element l+32k (k=0..3)
 * takes nibble (k&2 ? high : low) of ql[l + 32(k&1)], bits 2k..2k+1 of qh[l], scale sc[l/16 + 2k]; x = d·sc·(q−32).
 */
export function dequantizeQ6_K(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  for (let b = 0; b < out.length / 256; b++) {
    const at = b * 210;
    const d = half[bytes[at + 208]! | (bytes[at + 209]! << 8)]!;
    for (let n = 0; n < 2; n++) {
      const ql = at + 64 * n;
      const qh = at + 128 + 32 * n;
      const sc = at + 192 + 8 * n;
      const y = b * 256 + 128 * n;
      for (let l = 0; l < 32; l++) {
        const h = bytes[qh + l]!;
        const is = l >> 4;
        for (let k = 0; k < 4; k++) {
          const byte = bytes[ql + l + 32 * (k & 1)]!;
          const q = ((k & 2 ? byte >> 4 : byte & 15) | (((h >> (2 * k)) & 3) << 4)) - 32;
          const scale = (bytes[sc + is + 2 * k]! << 24) >> 24;
          out[y + l + 32 * k] = fr(fr(d * scale) * q);
        }
      }
    }
  }
}

/** As ggml's `quantize_row_q6_K_ref`: `make_qx_quants` per 16 values, int8 scales against the largest, q in −32..31. */
export function quantizeQ6_K(values: Float32Array, out: Uint8Array): void {
  const half = halfToFloatTable();
  const scales = new Float32Array(16);
  for (let b = 0; b < values.length / 256; b++) {
    const at = b * 210;
    out.fill(0, at, at + 210);
    let maxScale = 0;
    for (let s = 0; s < 16; s++) {
      scales[s] = makeQxQuants(values, b * 256 + 16 * s, 16, 32);
      if (Math.abs(scales[s]!) > Math.abs(maxScale)) maxScale = scales[s]!;
    }
    if (Math.abs(maxScale) < 1e-15) continue; // all zero: d = 0
    const iscale = -128 / maxScale;
    const hd = floatToHalf(1 / iscale);
    out[at + 208] = hd & 0xff;
    out[at + 209] = hd >> 8;
    for (let s = 0; s < 16; s++) {
      const sc = Math.min(127, nearestInt(iscale * scales[s]!));
      out[at + 192 + s] = sc & 0xff;
      const d = half[hd]! * sc;
      for (let i = 0; i < 16; i++) {
        const e = 16 * s + i;
        const q = (d ? Math.max(-32, Math.min(31, nearestInt(values[b * 256 + e]! / d))) : 0) + 32;
        const n = e >> 7;
        const k = (e >> 5) & 3;
        const l = e & 31;
        const ql = at + 64 * n + l + 32 * (k & 1);
        out[ql] = out[ql]! | ((q & 15) << (k & 2 ? 4 : 0));
        out[at + 128 + 32 * n + l] = out[at + 128 + 32 * n + l]! | ((q >> 4) << (2 * k));
      }
    }
  }
}
