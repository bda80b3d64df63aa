import { GgufShapeError, GgufUnsupportedTensorTypeError } from "../errors.js";
import { ggmlTypeInfo, ggmlTypeName } from "../ggmlTypes.js";
import { GgmlType } from "../types.js";
import { floatToBf16, floatToHalf } from "./half.js";
import { quantizeIQ4_NL, quantizeIQ4_XS } from "./iq4.js";
import { quantizeQ2_K } from "./q2_K.js";
import { quantizeQ3_K } from "./q3_K.js";
import { quantizeQ4_0, quantizeQ4_1 } from "./q4_0.js";
import { quantizeQ4_K } from "./q4_K.js";
import { quantizeQ5_0, quantizeQ5_1 } from "./q5_0.js";
import { quantizeQ5_K } from "./q5_K.js";
import { quantizeQ6_K } from "./q6_K.js";
import { quantizeQ8_0 } from "./q8_0.js";

type Quantizer = (values: Float32Array, out: Uint8Array) => void;

const QUANTIZERS: Partial<Record<number, Quantizer>> = {
  [GgmlType.F32]: (values, out) => {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i]!, true);
  },
  [GgmlType.F16]: (values, out) => {
    for (let i = 0; i < values.length; i++) {
      const h = floatToHalf(values[i]!);
      out[2 * i] = h & 0xff;
      out[2 * i + 1] = h >> 8;
    }
  },
  [GgmlType.BF16]: (values, out) => {
    for (let i = 0; i < values.length; i++) {
      const h = floatToBf16(values[i]!);
      out[2 * i] = h & 0xff;
      out[2 * i + 1] = h >> 8;
    }
  },
  [GgmlType.Q4_0]: quantizeQ4_0,
  [GgmlType.Q4_1]: quantizeQ4_1,
  [GgmlType.Q5_0]: quantizeQ5_0,
  [GgmlType.Q5_1]: quantizeQ5_1,
  [GgmlType.Q8_0]: quantizeQ8_0,
  [GgmlType.Q2_K]: quantizeQ2_K,
  [GgmlType.Q3_K]: quantizeQ3_K,
  [GgmlType.Q4_K]: quantizeQ4_K,
  [GgmlType.Q5_K]: quantizeQ5_K,
  [GgmlType.Q6_K]: quantizeQ6_K,
  [GgmlType.IQ4_NL]: quantizeIQ4_NL,
  [GgmlType.IQ4_XS]: quantizeIQ4_XS,
};

/** The ggml types `quantize` can produce: the same as `dequantize` handles. */
export function canQuantize(type: number): boolean {
  return QUANTIZERS[type] !== undefined;
}

/**
 * Encodes float values as ggml `type` bytes. `rowLength` (ne[0]) must be a multiple of the type's block size.
 * Q4_K/Q5_K/Q6_K search scales as ggml's reference quantizer does (no importance matrix); Q2_K/Q3_K/IQ4_NL/IQ4_XS use a plain fit.
 * @throws GgufUnsupportedTensorTypeError, GgufShapeError
 */
export function quantize(type: number, values: Float32Array, rowLength: number, where = "quantize"): Uint8Array {
  const encode = QUANTIZERS[type];
  const info = ggmlTypeInfo(type);
  if (!encode || !info) throw new GgufUnsupportedTensorTypeError(type, ggmlTypeName(type), "quantization", where);
  if (rowLength % info.blockSize !== 0 || values.length % rowLength !== 0) {
    const expected = `rows whose length is a multiple of ${info.blockSize}`;
    throw new GgufShapeError(where, expected, `${values.length} values in rows of ${rowLength}`);
  }
  const out = new Uint8Array((values.length / info.blockSize) * info.typeSize);
  encode(values, out);
  return out;
}
