import { GgufUnsupportedTensorTypeError } from "../errors.js";
import { ggmlTypeName } from "../ggmlTypes.js";
import { GgmlType } from "../types.js";
import { bf16ToFloat, halfToFloatTable } from "./half.js";
import { dequantizeIQ4_NL, dequantizeIQ4_XS } from "./iq4.js";
import { dequantizeQ2_K } from "./q2_K.js";
import { dequantizeQ3_K } from "./q3_K.js";
import { dequantizeQ4_0, dequantizeQ4_1 } from "./q4_0.js";
import { dequantizeQ4_K } from "./q4_K.js";
import { dequantizeQ5_0, dequantizeQ5_1 } from "./q5_0.js";
import { dequantizeQ5_K } from "./q5_K.js";
import { dequantizeQ6_K } from "./q6_K.js";
import { dequantizeQ8_0 } from "./q8_0.js";

type Dequantizer = (bytes: Uint8Array, out: Float32Array) => void;

const DEQUANTIZERS: Partial<Record<number, Dequantizer>> = {
  [GgmlType.F32]: (bytes, out) => {
    // GGUF is little-endian, like every platform Node runs on; an aligned view is a plain copy.
    if (bytes.byteOffset % 4 === 0) {
      out.set(new Float32Array(bytes.buffer, bytes.byteOffset, out.length));
      return;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
  },
  [GgmlType.F16]: (bytes, out) => {
    const half = halfToFloatTable();
    for (let i = 0; i < out.length; i++) out[i] = half[bytes[2 * i]! | (bytes[2 * i + 1]! << 8)]!;
  },
  [GgmlType.BF16]: (bytes, out) => {
    for (let i = 0; i < out.length; i++) out[i] = bf16ToFloat(bytes[2 * i]! | (bytes[2 * i + 1]! << 8));
  },
  [GgmlType.Q4_0]: dequantizeQ4_0,
  [GgmlType.Q4_1]: dequantizeQ4_1,
  [GgmlType.Q5_0]: dequantizeQ5_0,
  [GgmlType.Q5_1]: dequantizeQ5_1,
  [GgmlType.Q8_0]: dequantizeQ8_0,
  [GgmlType.Q2_K]: dequantizeQ2_K,
  [GgmlType.Q3_K]: dequantizeQ3_K,
  [GgmlType.Q4_K]: dequantizeQ4_K,
  [GgmlType.Q5_K]: dequantizeQ5_K,
  [GgmlType.Q6_K]: dequantizeQ6_K,
  [GgmlType.IQ4_NL]: dequantizeIQ4_NL,
  [GgmlType.IQ4_XS]: dequantizeIQ4_XS,
};

/** The ggml types `dequantize` handles: F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K, IQ4_NL, IQ4_XS. */
export function canDequantize(type: number): boolean {
  return DEQUANTIZERS[type] !== undefined;
}

/**
 * Decodes `elementCount` values of ggml `type` from their raw bytes (layout as in ggml-quants.c).
 * @throws GgufUnsupportedTensorTypeError for any other type
 */
export function dequantize(type: number, bytes: Uint8Array, elementCount: number, where = "dequantize"): Float32Array {
  const decode = DEQUANTIZERS[type];
  if (!decode) throw new GgufUnsupportedTensorTypeError(type, ggmlTypeName(type), "dequantization", where);
  const out = new Float32Array(elementCount);
  decode(bytes, out);
  return out;
}
