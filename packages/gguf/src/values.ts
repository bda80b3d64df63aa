import {
  type GgufArray,
  type GgufBigIntType,
  type GgufFile,
  type GgufMetadata,
  type GgufNumberType,
  type GgufValue,
  GgufValueType as V,
} from "./types.js";

/** Typed metadata constructors: `u32(2048)`, `f32(1e-6)`, `str("llama")`, `arr(GgufValueType.INT32, [1, 3])`. */
export const u8 = (value: number): GgufValue => ({ type: V.UINT8, value });
export const i8 = (value: number): GgufValue => ({ type: V.INT8, value });
export const u16 = (value: number): GgufValue => ({ type: V.UINT16, value });
export const i16 = (value: number): GgufValue => ({ type: V.INT16, value });
export const u32 = (value: number): GgufValue => ({ type: V.UINT32, value });
export const i32 = (value: number): GgufValue => ({ type: V.INT32, value });
export const f32 = (value: number): GgufValue => ({ type: V.FLOAT32, value });
export const f64 = (value: number): GgufValue => ({ type: V.FLOAT64, value });
export const u64 = (value: bigint | number): GgufValue => ({ type: V.UINT64, value: BigInt(value) });
export const i64 = (value: bigint | number): GgufValue => ({ type: V.INT64, value: BigInt(value) });
export const bool = (value: boolean): GgufValue => ({ type: V.BOOL, value });
export const str = (value: string): GgufValue => ({ type: V.STRING, value });

type ArrayItem<I extends GgufArray["itemType"]> = I extends GgufNumberType
  ? number
  : I extends GgufBigIntType
    ? bigint
    : I extends typeof V.BOOL
      ? boolean
      : string;

/** An array value whose elements all have GGUF type `itemType`. */
export function arr<I extends GgufArray["itemType"]>(itemType: I, value: readonly ArrayItem<I>[]): GgufValue {
  return { type: V.ARRAY, itemType, value } as GgufArray;
}

const TYPE_NAMES = ["u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "array", "u64", "i64", "f64"];

/** "u32", "f32", "string", "i32[]" … for messages. */
export function describeValueType(value: GgufValue): string {
  if (value.type === V.ARRAY) return `${TYPE_NAMES[value.itemType] ?? value.itemType}[]`;
  return TYPE_NAMES[value.type] ?? `type ${value.type}`;
}

/** The typed value of `key`, or undefined. Accepts a file or its metadata. */
export function getMetadata(source: GgufFile | GgufMetadata, key: string): GgufValue | undefined {
  const metadata = isFile(source) ? source.metadata : source;
  return Object.hasOwn(metadata, key) ? metadata[key] : undefined;
}

function isFile(source: GgufFile | GgufMetadata): source is GgufFile {
  return "metadata" in source && "tensors" in source && "source" in source;
}

/** A numeric scalar's value as a number (u64/i64 converted), or undefined when absent or not numeric. */
export function getNumber(source: GgufFile | GgufMetadata, key: string): number | undefined {
  const v = getMetadata(source, key);
  if (v === undefined || v.type === V.ARRAY || v.type === V.STRING || v.type === V.BOOL) return undefined;
  return Number(v.value);
}

/** A string scalar's value, or undefined. */
export function getString(source: GgufFile | GgufMetadata, key: string): string | undefined {
  const v = getMetadata(source, key);
  return v?.type === V.STRING ? v.value : undefined;
}
