import { floatToHalf, halfToFloatTable } from "./half.js";

/**
 * Q5_0 (22 bytes: f16 d, qh u32, qs[16]; x = d·(q − 16)) and Q5_1 (24 bytes: f16 d, f16 m, qh, qs; x = d·q + m).
 * Element j < 16 takes the low nibble of qs[j] and bit j of qh; element j + 16 the high nibble and bit j + 16.
 */
function dequantize5(bytes: Uint8Array, out: Float32Array, withMin: boolean): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  const size = withMin ? 24 : 22;
  const qhAt = withMin ? 4 : 2;
  for (let b = 0; b < out.length / 32; b++) {
    const at = b * size;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    const m = withMin ? half[bytes[at + 2]! | (bytes[at + 3]! << 8)]! : 0;
    const h = at + qhAt;
    const qh = (bytes[h]! | (bytes[h + 1]! << 8) | (bytes[h + 2]! << 16) | (bytes[h + 3]! << 24)) >>> 0;
    for (let j = 0; j < 16; j++) {
      const q = bytes[h + 4 + j]!;
      const x0 = (q & 15) | (((qh >>> j) << 4) & 0x10);
      const x1 = (q >> 4) | ((qh >>> (j + 12)) & 0x10);
      out[32 * b + j] = withMin ? fr(x0 * d) + m : (x0 - 16) * d;
      out[32 * b + j + 16] = withMin ? fr(x1 * d) + m : (x1 - 16) * d;
    }
  }
}

export const dequantizeQ5_0 = (bytes: Uint8Array, out: Float32Array): void => dequantize5(bytes, out, false);
export const dequantizeQ5_1 = (bytes: Uint8Array, out: Float32Array): void => dequantize5(bytes, out, true);

/** As ggml's reference quantizers: Q5_0 d = max/−16, q = trunc(x/d + 16.5); Q5_1 d = (max − min)/31, m = min. */
function quantize5(values: Float32Array, out: Uint8Array, withMin: boolean): void {
  const size = withMin ? 24 : 22;
  for (let b = 0; b < values.length / 32; b++) {
    let amaxValue = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 32; i++) {
      const x = values[32 * b + i]!;
      if (Math.abs(x) > Math.abs(amaxValue)) amaxValue = x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const d = withMin ? (max - min) / 31 : amaxValue / -16;
    const id = d ? 1 / d : 0;
    const at = b * size;
    const hd = floatToHalf(d);
    out[at] = hd & 0xff;
    out[at + 1] = hd >> 8;
    if (withMin) {
      const hm = floatToHalf(min);
      out[at + 2] = hm & 0xff;
      out[at + 3] = hm >> 8;
    }
    const h = at + (withMin ? 4 : 2);
    const q = (x: number) => Math.min(31, Math.trunc(withMin ? (x - min) * id + 0.5 : x * id + 16.5));
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      const x0 = q(values[32 * b + j]!);
      const x1 = q(values[32 * b + j + 16]!);
      out[h + 4 + j] = (x0 & 15) | ((x1 & 15) << 4);
      qh |= ((x0 >> 4) << j) | ((x1 >> 4) << (j + 16));
    }
    out.set([qh & 0xff, (qh >>> 8) & 0xff, (qh >>> 16) & 0xff, qh >>> 24], h);
  }
}

export const quantizeQ5_0 = (values: Float32Array, out: Uint8Array): void => quantize5(values, out, false);
export const quantizeQ5_1 = (values: Float32Array, out: Uint8Array): void => quantize5(values, out, true);
