/** A mostly-zero Float32Array as base64 indices and values (hashed feature weights are sparse). */
export interface SparseFloats {
  length: number;
  /** Little-endian Uint32 indices of the non-zero entries, base64. */
  indices: string;
  /** Little-endian Float32 values at those indices, base64. */
  values: string;
}

/** Encodes the non-zero entries exactly (Float32 bits round-trip unchanged). */
export function encodeSparse(array: Float32Array): SparseFloats {
  let count = 0;
  for (const value of array) if (value !== 0) count++;
  const indices = new Uint32Array(count);
  const values = new Float32Array(count);
  let at = 0;
  for (let i = 0; i < array.length; i++) {
    if (array[i] === 0) continue;
    indices[at] = i;
    values[at++] = array[i] as number;
  }
  return { length: array.length, indices: base64(indices), values: base64(values) };
}

/** Writes a {@link SparseFloats} into `target` (which must have its length). */
export function decodeSparse(sparse: SparseFloats, target: Float32Array): void {
  if (sparse.length !== target.length)
    throw new RangeError(`sparse weights: expected length ${target.length}, got ${sparse.length}`);
  const indices = new Uint32Array(bytes(sparse.indices));
  const values = new Float32Array(bytes(sparse.values));
  if (indices.length !== values.length) throw new RangeError("sparse weights: indices and values differ in length");
  for (let i = 0; i < indices.length; i++) target[indices[i] as number] = values[i] as number;
}

function base64(array: Uint32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** An aligned copy of the decoded bytes (Buffer slices may be unaligned for typed arrays). */
function bytes(text: string): ArrayBuffer {
  const buffer = Buffer.from(text, "base64");
  const copy = new ArrayBuffer(buffer.length);
  new Uint8Array(copy).set(buffer);
  return copy;
}
