import type { GgmlTypeName, GgufFile } from "./types.js";

/** Weights of one ggml type. */
export interface WeightTypeTotals {
  tensors: number;
  elements: number;
  /** Bytes as stored (what llama.cpp maps into memory). */
  bytes: number;
}

/** Memory accounting of a file's weights, known from the header alone (before loading any data). */
export interface WeightBytes {
  byType: Partial<Record<GgmlTypeName, WeightTypeTotals>>;
  totalBytes: number;
  totalElements: number;
  /** Bytes if every weight were dequantized to float32 (what a TF.js copy of the model takes). */
  float32Bytes: number;
}

/** Bytes of weights per ggml type, e.g. a Q4_K_M file: { Q4_K: {...}, Q6_K: {...}, F32: {...} }. */
export function weightBytesByType(file: Pick<GgufFile, "tensors">): WeightBytes {
  const byType: Partial<Record<GgmlTypeName, WeightTypeTotals>> = {};
  let totalBytes = 0;
  let totalElements = 0;
  for (const t of file.tensors) {
    const entry = byType[t.typeName] ?? { tensors: 0, elements: 0, bytes: 0 };
    byType[t.typeName] = entry;
    entry.tensors += 1;
    entry.elements += t.elementCount;
    entry.bytes += t.byteLength;
    totalBytes += t.byteLength;
    totalElements += t.elementCount;
  }
  return { byType, totalBytes, totalElements, float32Bytes: totalElements * 4 };
}
