/**
 * The narrow view of a GGUF file the model loader needs. `@nomen/gguf`'s reader is adapted to it in
 * `openGgufSource.ts`; tests build one in memory.
 */
export interface ModelSource {
  /** Where the model came from, for error messages (a path, or "memory"). */
  readonly location: string;
  /** GGUF key/value metadata: numbers, bigints, strings, booleans, arrays. */
  readonly metadata: ReadonlyMap<string, unknown>;
  readonly tensors: readonly TensorSpec[];
  /** Whether {@link ModelSource.readFloat32} can decode this ggml type. */
  canDecode(ggmlType: number): boolean;
  /** The tensor as float32 in file order (ne[0] fastest), dequantized if needed. */
  readFloat32(name: string): Float32Array | Promise<Float32Array>;
}

/** One tensor's header: ggml `ne` (innermost first), ggml type id and its size in the file. */
export interface TensorSpec {
  readonly name: string;
  readonly ne: readonly number[];
  readonly ggmlType: number;
  readonly byteLength: number;
}

/** ggml type ids this package names in messages (ggml.h). */
export const GGML_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: "F32",
  1: "F16",
  2: "Q4_0",
  3: "Q4_1",
  6: "Q5_0",
  7: "Q5_1",
  8: "Q8_0",
  10: "Q2_K",
  11: "Q3_K",
  12: "Q4_K",
  13: "Q5_K",
  14: "Q6_K",
  30: "BF16",
};

export function ggmlTypeName(type: number): string {
  return GGML_TYPE_NAMES[type] ?? `type ${type}`;
}
