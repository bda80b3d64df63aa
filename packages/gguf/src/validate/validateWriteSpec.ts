import { type GgufError, GgufFormatError, GgufShapeError, GgufUnsupportedTensorTypeError } from "../errors.js";
import { elementCount, ggmlTypeInfo, ggmlTypeName, tensorByteLength } from "../ggmlTypes.js";
import { canQuantize } from "../quant/quantize.js";
import type { GgmlType, GgufMetadata } from "../types.js";
import { validateValue } from "./validateValue.js";

/** One tensor to write. `data` is float32 values (quantized to `type` on write) or bytes already in `type`. */
export interface GgufTensorSpec {
  readonly name: string;
  /** ggml ne order: shape[0] is the contiguous dim (a [n_out][n_in] row-major matrix has shape [n_in, n_out]). */
  readonly shape: readonly number[];
  readonly type: GgmlType;
  readonly data: Float32Array | Uint8Array;
}

/** What `writeGguf` / `encodeGguf` write: metadata in order, tensors in order (offsets follow that order). */
export interface GgufWriteSpec {
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensorSpec[];
}

const MAX_NAME_BYTES = 63;
const encoder = new TextEncoder();

/** Structural problems of a write: value types and ranges, alignment, tensor names, dims, types and data lengths. */
export function findWriteSpecProblems(spec: GgufWriteSpec, where?: string): GgufError[] {
  const problems: GgufError[] = [];
  for (const [key, value] of Object.entries(spec.metadata)) {
    if (key.length === 0) problems.push(new GgufFormatError("Empty metadata key", where));
    const problem = validateValue(key, value);
    if (problem) problems.push(problem);
  }
  const alignment = spec.metadata["general.alignment"];
  if (alignment && (alignment.type !== 4 || alignment.value === 0 || (alignment.value & (alignment.value - 1)) !== 0)) {
    problems.push(new GgufFormatError(`"general.alignment" must be a u32 power of two`, where));
  }
  const seen = new Set<string>();
  for (const t of spec.tensors) problems.push(...tensorProblems(t, seen, where));
  return problems;
}

function tensorProblems(t: GgufTensorSpec, seen: Set<string>, where?: string): GgufError[] {
  const problems: GgufError[] = [];
  const nameBytes = encoder.encode(t.name).length;
  if (nameBytes === 0 || nameBytes > MAX_NAME_BYTES) {
    problems.push(
      new GgufFormatError(`Tensor name "${t.name}" is ${nameBytes} bytes: expected 1..${MAX_NAME_BYTES}`, where),
    );
  }
  if (seen.has(t.name)) problems.push(new GgufFormatError(`Duplicate tensor name "${t.name}"`, where));
  seen.add(t.name);
  if (t.shape.length < 1 || t.shape.length > 4 || t.shape.some((d) => !Number.isSafeInteger(d) || d < 1)) {
    problems.push(new GgufShapeError(t.name, "1 to 4 positive integer dims", `[${t.shape.join(", ")}]`, where));
    return problems;
  }
  const info = ggmlTypeInfo(t.type);
  if (!info)
    return [...problems, new GgufUnsupportedTensorTypeError(t.type, ggmlTypeName(t.type), "writing", where ?? t.name)];
  const byteLength = tensorByteLength(info, t.shape);
  if (typeof byteLength === "string")
    return [...problems, new GgufShapeError(t.name, `a shape ${info.name} can hold`, byteLength, where)];
  if (t.data instanceof Float32Array) {
    if (!canQuantize(t.type))
      problems.push(new GgufUnsupportedTensorTypeError(t.type, info.name, "quantization", where ?? t.name));
    const count = elementCount(t.shape);
    if (t.data.length !== count)
      problems.push(new GgufShapeError(t.name, `${count} float32 values`, `${t.data.length}`, where));
  } else if (t.data instanceof Uint8Array) {
    if (t.data.length !== byteLength)
      problems.push(new GgufShapeError(t.name, `${byteLength} bytes of ${info.name}`, `${t.data.length}`, where));
  } else {
    problems.push(new GgufFormatError(`Tensor "${t.name}" data must be a Float32Array or a Uint8Array`, where));
  }
  return problems;
}
