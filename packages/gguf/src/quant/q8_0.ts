import { floatToHalf, halfToFloatTable } from "./half.js";

/** Q8_0: blocks of 32 along a row, 34 bytes each: f16 d, then int8 q[32]; x = d·q. */
export const Q8_0 = { blockSize: 32, typeSize: 34 } as const;

export function dequantizeQ8_0(bytes: Uint8Array, out: Float32Array): void {
  const half = halfToFloatTable();
  const blocks = out.length / 32;
  for (let b = 0; b < blocks; b++) {
    const at = b * 34;
    const d = half[bytes[at]! | (bytes[at + 1]! << 8)]!;
    for (let i = 0; i < 32; i++) out[b * 32 + i] = d * ((bytes[at + 2 + i]! << 24) >> 24);
  }
}

/** ggml's reference quantizer: d = amax/127, q = round(x/d), d stored as f16. */
export function quantizeQ8_0(values: Float32Array, out: Uint8Array): void {
  const blocks = values.length / 32;
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let i = 0; i < 32; i++) amax = Math.max(amax, Math.abs(values[b * 32 + i]!));
    const d = Math.fround(amax / 127);
    const id = d ? Math.fround(1 / d) : 0;
    const at = b * 34;
    const h = floatToHalf(d);
    out[at] = h & 0xff;
    out[at + 1] = h >> 8;
    for (let i = 0; i < 32; i++) out[at + 2 + i] = roundHalfAway(Math.fround(values[b * 32 + i]! * id)) & 0xff;
  }
}

/** C `roundf`: halves round away from zero (Math.round rounds them up). */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
