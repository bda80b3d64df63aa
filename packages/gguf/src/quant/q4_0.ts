import { floatToHalf, halfToFloatTable } from "./half.js";

/** Q4_0: blocks of 32, 18 bytes: f16 d, qs[16]; x = d·(q − 8), low nibbles hold elements 0..15, high 16..31. */
export function dequantizeQ4_0(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  for (let b = 0; b < out.length / 32; b++) {
    const at = b * 18;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    for (let j = 0; j < 16; j++) {
      const q = bytes[at + 2 + j]!;
      out[32 * b + j] = ((q & 15) - 8) * d;
      out[32 * b + j + 16] = ((q >> 4) - 8) * d;
    }
  }
}

/** Q4_1: blocks of 32, 20 bytes: f16 d, f16 m, qs[16]; x = d·q + m. */
export function dequantizeQ4_1(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const fr = Math.fround;
  for (let b = 0; b < out.length / 32; b++) {
    const at = b * 20;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    const m = half[bytes[at + 2]! | (bytes[at + 3]! << 8)]!;
    for (let j = 0; j < 16; j++) {
      const q = bytes[at + 4 + j]!;
      out[32 * b + j] = fr((q & 15) * d) + m;
      out[32 * b + j + 16] = fr((q >> 4) * d) + m;
    }
  }
}

/** As ggml's `quantize_row_q4_0_ref`: d = max/−8 (max = the value of largest magnitude), q = trunc(x/d + 8.5). */
export function quantizeQ4_0(values: Float32Array, out: Uint8Array): void {
  for (let b = 0; b < values.length / 32; b++) {
    let max = 0;
    for (let i = 0; i < 32; i++) if (Math.abs(values[32 * b + i]!) > Math.abs(max)) max = values[32 * b + i]!;
    const hd = floatToHalf(max / -8);
    const id = max ? -8 / max : 0;
    const at = b * 18;
    out[at] = hd & 0xff;
    out[at + 1] = hd >> 8;
    const q = (x: number) => Math.min(15, Math.trunc(x * id + 8.5));
    for (let j = 0; j < 16; j++) out[at + 2 + j] = q(values[32 * b + j]!) | (q(values[32 * b + j + 16]!) << 4);
  }
}

/** As ggml's `quantize_row_q4_1_ref`: d = (max − min)/15, m = min, q = trunc((x − min)/d + 0.5). */
export function quantizeQ4_1(values: Float32Array, out: Uint8Array): void {
  for (let b = 0; b < values.length / 32; b++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 32; i++) {
      min = Math.min(min, values[32 * b + i]!);
      max = Math.max(max, values[32 * b + i]!);
    }
    const d = (max - min) / 15;
    const id = d ? 1 / d : 0;
    const hd = floatToHalf(d);
    const hm = floatToHalf(min);
    const at = b * 20;
    out.set([hd & 0xff, hd >> 8, hm & 0xff, hm >> 8], at);
    const q = (x: number) => Math.min(15, Math.trunc((x - min) * id + 0.5));
    for (let j = 0; j < 16; j++) out[at + 4 + j] = q(values[32 * b + j]!) | (q(values[32 * b + j + 16]!) << 4);
  }
}
