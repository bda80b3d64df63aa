import { ByteCursor } from "./ByteCursor.js";
import {
  GgufFormatError,
  GgufMagicError,
  GgufShapeError,
  GgufTruncatedError,
  GgufUnsupportedTensorTypeError,
  GgufVersionError,
} from "./errors.js";
import { alignUp, elementCount, ggmlTypeInfo, tensorByteLength } from "./ggmlTypes.js";
import { readValue } from "./readValue.js";
import {
  type GgmlType,
  type GgufByteSource,
  type GgufFile,
  type GgufTensorInfo,
  type GgufValue,
  GgufValueType,
} from "./types.js";

/** The default alignment when `general.alignment` is absent. */
export const GGUF_DEFAULT_ALIGNMENT = 32;

/**
 * Parses header, metadata and tensor infos from the first `bytes` of a file of `source.size` bytes.
 * Throws NeedMoreBytes (internal) when the header runs past `bytes`; named errors for anything malformed.
 */
export function parseGgufHeader(bytes: Uint8Array, source: GgufByteSource): GgufFile {
  const c = new ByteCursor(bytes, source.size, source.description);
  c.need(4, "magic");
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== "GGUF") throw new GgufMagicError(magic, c.where(0));
  c.offset = 4;
  const version = c.u32("version");
  if (version !== 2 && version !== 3) throw new GgufVersionError(version, c.where(4));
  const tensorCount = c.size("tensor count");
  const kvCount = c.size("metadata count");
  c.checkCount(kvCount, 13, "metadata");
  const metadata: Record<string, GgufValue> = {};
  for (let i = 0; i < kvCount; i++) {
    const keyAt = c.offset;
    const key = c.string(`metadata key #${i}`);
    if (Object.hasOwn(metadata, key)) throw new GgufFormatError(`Duplicate metadata key "${key}"`, c.where(keyAt));
    const typeAt = c.offset;
    const value = readValue(c, c.u32(`value type of "${key}"`), key, typeAt);
    // defineProperty, not assignment: a key named "__proto__" must stay a key, not replace the prototype.
    Object.defineProperty(metadata, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const alignment = readAlignment(metadata, c);
  c.checkCount(tensorCount, 24, "tensor infos");
  const tensors: GgufTensorInfo[] = [];
  const names = new Set<string>();
  let expectedOffset = 0;
  for (let i = 0; i < tensorCount; i++) {
    const at = c.offset;
    const info = readTensorInfo(c, i, expectedOffset, alignment);
    if (names.has(info.name)) throw new GgufFormatError(`Duplicate tensor name "${info.name}"`, c.where(at));
    names.add(info.name);
    expectedOffset = info.offset + alignUp(info.byteLength, alignment);
    tensors.push(info);
  }
  const dataOffset = alignUp(c.offset, alignment);
  const last = tensors.at(-1);
  const end = last ? dataOffset + last.offset + last.byteLength : c.offset;
  if (end > source.size) {
    throw new GgufTruncatedError(end, source.size, last ? `tensor "${last.name}" data` : "header", source.description);
  }
  return { version, metadata, tensors, alignment, dataOffset, fileSize: source.size, source };
}

function readAlignment(metadata: Record<string, GgufValue>, c: ByteCursor): number {
  const value = metadata["general.alignment"];
  if (value === undefined) return GGUF_DEFAULT_ALIGNMENT;
  if (value.type !== GgufValueType.UINT32 || value.value === 0 || (value.value & (value.value - 1)) !== 0) {
    throw new GgufFormatError(
      `"general.alignment" must be a u32 power of two, got ${JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}` : v))}`,
      c.description,
    );
  }
  return value.value;
}

function readTensorInfo(c: ByteCursor, index: number, expectedOffset: number, alignment: number): GgufTensorInfo {
  const at = c.offset;
  const name = c.string(`tensor #${index} name`);
  const what = `tensor info "${name}"`;
  const dims = c.u32(`${what} n_dims`);
  if (dims > 4) throw new GgufFormatError(`${what} has ${dims} dims: expected at most 4`, c.where(at));
  const shape: number[] = [];
  for (let d = 0; d < dims; d++) shape.push(c.size(`${what} ne[${d}]`));
  const type = c.u32(`${what} type`);
  const offset = c.size(`${what} offset`);
  const info = ggmlTypeInfo(type);
  if (!info) throw new GgufUnsupportedTensorTypeError(type, `type ${type}`, "reading", c.where(at));
  const byteLength = tensorByteLength(info, shape);
  if (typeof byteLength === "string")
    throw new GgufShapeError(name, `a shape ${info.name} can hold`, byteLength, c.where(at));
  if (offset !== expectedOffset) {
    throw new GgufFormatError(
      `${what} has data offset ${offset}, expected ${expectedOffset} (offsets must be sequential and ${alignment}-aligned, as llama.cpp requires)`,
      c.where(at),
    );
  }
  return {
    name,
    shape,
    type: type as GgmlType,
    typeName: info.name,
    offset,
    byteLength,
    elementCount: elementCount(shape),
  };
}
