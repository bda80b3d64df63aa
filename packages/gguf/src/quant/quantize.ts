import { GgufShapeError, GgufUnsupportedTensorTypeError } from "../errors.js";
import { ggmlTypeInfo, ggmlTypeName } from "../ggmlTypes.js";
import { GgmlType } from "../types.js";
import { floatToBf16, floatToHalf } from "./half.js";
import { quantizeQ4_K } from "./q4_K.js";
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
  [GgmlType.Q8_0]: quantizeQ8_0,
  [GgmlType.Q4_K]: quantizeQ4_K,
  [GgmlType.Q5_K]: quantizeQ5_K,
  [GgmlType.Q6_K]: quantizeQ6_K,
};

/** The ggml types `quantize` can produce: F32, F16, BF16, Q8_0, Q4_K, Q5_K, Q6_K. */
export function canQuantize(type: number): boolean {
  return QUANTIZERS[type] !== undefined;
}

/**
 * Encodes float values as ggml `type` bytes. `rowLength` (ne[0]) must be a multiple of the type's block size.
 * K-quants search scales as ggml's reference quantizer does (no importance matrix).
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
