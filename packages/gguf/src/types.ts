/** GGUF metadata value type ids (gguf.h `gguf_type`). */
export const GgufValueType = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;
export type GgufValueType = (typeof GgufValueType)[keyof typeof GgufValueType];

type T = typeof GgufValueType;
/** Value types held as a JS `number`. */
export type GgufNumberType = T["UINT8" | "INT8" | "UINT16" | "INT16" | "UINT32" | "INT32" | "FLOAT32" | "FLOAT64"];
/** Value types held as a JS `bigint` (64-bit integers keep every bit). */
export type GgufBigIntType = T["UINT64" | "INT64"];
export type GgufScalarType = GgufNumberType | GgufBigIntType | T["BOOL" | "STRING"];

/** A scalar metadata value together with its exact GGUF type, so a round trip keeps u32 as u32. */
export type GgufScalar =
  | { readonly type: GgufNumberType; readonly value: number }
  | { readonly type: GgufBigIntType; readonly value: bigint }
  | { readonly type: T["BOOL"]; readonly value: boolean }
  | { readonly type: T["STRING"]; readonly value: string };

/** An array metadata value; `itemType` is the GGUF type of every element (nested arrays are not supported). */
export type GgufArray =
  | { readonly type: T["ARRAY"]; readonly itemType: GgufNumberType; readonly value: readonly number[] }
  | { readonly type: T["ARRAY"]; readonly itemType: GgufBigIntType; readonly value: readonly bigint[] }
  | { readonly type: T["ARRAY"]; readonly itemType: T["BOOL"]; readonly value: readonly boolean[] }
  | { readonly type: T["ARRAY"]; readonly itemType: T["STRING"]; readonly value: readonly string[] };

export type GgufValue = GgufScalar | GgufArray;

/** Metadata in file order: key → typed value. */
export type GgufMetadata = Readonly<Record<string, GgufValue>>;

/** ggml tensor type ids (ggml.h `ggml_type`). Every known id can be read and sized; see `canDequantize`. */
export const GgmlType = {
  F32: 0,
  F16: 1,
  Q4_0: 2,
  Q4_1: 3,
  Q5_0: 6,
  Q5_1: 7,
  Q8_0: 8,
  Q8_1: 9,
  Q2_K: 10,
  Q3_K: 11,
  Q4_K: 12,
  Q5_K: 13,
  Q6_K: 14,
  Q8_K: 15,
  IQ2_XXS: 16,
  IQ2_XS: 17,
  IQ3_XXS: 18,
  IQ1_S: 19,
  IQ4_NL: 20,
  IQ3_S: 21,
  IQ2_S: 22,
  IQ4_XS: 23,
  I8: 24,
  I16: 25,
  I32: 26,
  I64: 27,
  F64: 28,
  IQ1_M: 29,
  BF16: 30,
  TQ1_0: 34,
  TQ2_0: 35,
  MXFP4: 39,
} as const;
export type GgmlType = (typeof GgmlType)[keyof typeof GgmlType];
export type GgmlTypeName = keyof typeof GgmlType;

/** One tensor's entry in the file's tensor-info table. */
export interface GgufTensorInfo {
  readonly name: string;
  /** ggml `ne` order: shape[0] is the innermost, contiguous dimension (a [n_in, n_out] weight is n_out rows of n_in). */
  readonly shape: readonly number[];
  readonly type: GgmlType;
  readonly typeName: GgmlTypeName;
  /** Byte offset relative to the start of the data section. */
  readonly offset: number;
  readonly byteLength: number;
  readonly elementCount: number;
}

/** Positional reads from wherever the GGUF bytes live (a file on disk or a buffer). */
export interface GgufByteSource {
  /** Path or "<buffer>"; used in error messages. */
  readonly description: string;
  readonly size: number;
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** A parsed GGUF header: metadata and tensor infos. Tensor data stays on disk until `readTensor`. */
export interface GgufFile {
  readonly version: number;
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensorInfo[];
  readonly alignment: number;
  /** Absolute byte offset where tensor data starts. */
  readonly dataOffset: number;
  readonly fileSize: number;
  readonly source: GgufByteSource;
}
