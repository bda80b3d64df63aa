import { ByteWriter } from "./ByteWriter.js";
import { alignUp, ggmlTypeInfo, tensorByteLength } from "./ggmlTypes.js";
import { GGUF_DEFAULT_ALIGNMENT } from "./parseGgufHeader.js";
import { quantize } from "./quant/quantize.js";
import { type GgufScalar, type GgufValue, GgufValueType as V } from "./types.js";
import type { GgufTensorSpec, GgufWriteSpec } from "./validate/validateWriteSpec.js";

function writeScalar(w: ByteWriter, type: GgufScalar["type"], value: GgufScalar["value"]): void {
  const n = value as number;
  switch (type) {
    case V.UINT8:
      w.u8(n);
      break;
    case V.INT8:
      w.i8(n);
      break;
    case V.UINT16:
      w.u16(n);
      break;
    case V.INT16:
      w.i16(n);
      break;
    case V.UINT32:
      w.u32(n);
      break;
    case V.INT32:
      w.i32(n);
      break;
    case V.FLOAT32:
      w.f32(n);
      break;
    case V.FLOAT64:
      w.f64(n);
      break;
    case V.UINT64:
      w.u64(value as bigint);
      break;
    case V.INT64:
      w.i64(value as bigint);
      break;
    case V.BOOL:
      w.u8(value ? 1 : 0);
      break;
    case V.STRING:
      w.string(value as string);
      break;
  }
}

function writeValue(w: ByteWriter, value: GgufValue): void {
  w.u32(value.type);
  if (value.type !== V.ARRAY) {
    writeScalar(w, value.type, value.value);
    return;
  }
  w.u32(value.itemType);
  w.u64(value.value.length);
  for (const item of value.value) writeScalar(w, value.itemType, item);
}

/** The alignment a spec asks for (`general.alignment`), else 32. */
export function specAlignment(spec: GgufWriteSpec): number {
  const a = spec.metadata["general.alignment"];
  return a?.type === V.UINT32 ? a.value : GGUF_DEFAULT_ALIGNMENT;
}

/** Header, metadata, tensor infos with sequential aligned offsets, and the padding up to the data section. */
export function encodeGgufHeader(spec: GgufWriteSpec): Uint8Array {
  const alignment = specAlignment(spec);
  const w = new ByteWriter();
  w.u32(0x46554747); // "GGUF" read as a little-endian u32
  w.u32(3);
  w.u64(spec.tensors.length);
  w.u64(Object.keys(spec.metadata).length);
  for (const [key, value] of Object.entries(spec.metadata)) {
    w.string(key);
    writeValue(w, value);
  }
  let offset = 0;
  for (const t of spec.tensors) {
    w.string(t.name);
    w.u32(t.shape.length);
    for (const d of t.shape) w.u64(d);
    w.u32(t.type);
    w.u64(offset);
    offset += alignUp(tensorByteLength(ggmlTypeInfo(t.type)!, t.shape) as number, alignment);
  }
  w.pad(alignment);
  return w.bytes();
}

/** A tensor's bytes in its ggml type (quantizing float32 input). */
export function encodeTensorData(t: GgufTensorSpec): Uint8Array {
  return t.data instanceof Float32Array ? quantize(t.type, t.data, t.shape[0]!, t.name) : t.data;
}
