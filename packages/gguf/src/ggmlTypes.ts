import { GgmlType, type GgmlTypeName } from "./types.js";

/** Elements per block and bytes per block of a ggml type (ggml.c `type_traits`). */
export interface GgmlTypeInfo {
  readonly name: GgmlTypeName;
  readonly blockSize: number;
  readonly typeSize: number;
}

const BLOCKS: Record<GgmlTypeName, readonly [blockSize: number, typeSize: number]> = {
  F32: [1, 4],
  F16: [1, 2],
  Q4_0: [32, 18],
  Q4_1: [32, 20],
  Q5_0: [32, 22],
  Q5_1: [32, 24],
  Q8_0: [32, 34],
  Q8_1: [32, 36],
  Q2_K: [256, 84],
  Q3_K: [256, 110],
  Q4_K: [256, 144],
  Q5_K: [256, 176],
  Q6_K: [256, 210],
  Q8_K: [256, 292],
  IQ2_XXS: [256, 66],
  IQ2_XS: [256, 74],
  IQ3_XXS: [256, 98],
  IQ1_S: [256, 50],
  IQ4_NL: [32, 18],
  IQ3_S: [256, 110],
  IQ2_S: [256, 82],
  IQ4_XS: [256, 136],
  I8: [1, 1],
  I16: [1, 2],
  I32: [1, 4],
  I64: [1, 8],
  F64: [1, 8],
  IQ1_M: [256, 56],
  BF16: [1, 2],
  TQ1_0: [256, 54],
  TQ2_0: [256, 66],
  MXFP4: [32, 17],
};

const BY_ID = new Map<number, GgmlTypeInfo>(
  (Object.keys(GgmlType) as GgmlTypeName[]).map((name) => {
    const [blockSize, typeSize] = BLOCKS[name];
    return [GgmlType[name], { name, blockSize, typeSize }];
  }),
);

/** Block layout of a ggml type id, or undefined for an id this package does not know. */
export function ggmlTypeInfo(type: number): GgmlTypeInfo | undefined {
  return BY_ID.get(type);
}

/** "Q4_K" for 12, "type 99" for an unknown id. */
export function ggmlTypeName(type: number): string {
  return BY_ID.get(type)?.name ?? `type ${type}`;
}

/** Product of the dims (1 for a scalar). */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Bytes a tensor of `shape` takes in `type`, or an explanation when ne[0] is not a multiple of the block size.
 * Rows are quantized independently, so only ne[0] must divide.
 */
export function tensorByteLength(type: GgmlTypeInfo, shape: readonly number[]): number | string {
  const ne0 = shape[0] ?? 1;
  if (ne0 % type.blockSize !== 0)
    return `ne[0]=${ne0} is not a multiple of ${type.name}'s block size ${type.blockSize}`;
  return (elementCount(shape) / type.blockSize) * type.typeSize;
}

/** `n` rounded up to a multiple of `alignment`. */
export function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}
