import { floatToHalf } from "@nomen/gguf";
import { InvalidInputError } from "../errors.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** A tensor to write: float32 values in row-major order of `shape`, stored as F32 or F16. */
export interface SafetensorsTensor {
  name: string;
  shape: readonly number[];
  data: Float32Array;
}

/** Options for {@link encodeSafetensors} and {@link writeSafetensors}. */
export interface SafetensorsOptions {
  /** Element type on disk. Defaults to "F32". */
  dtype?: "F32" | "F16";
  /** String pairs stored under `__metadata__`. Defaults to `{ format: "pt" }` (what PyTorch loaders expect). */
  metadata?: Record<string, string>;
}

/**
 * The safetensors format (huggingface/safetensors): u64 little-endian header length N, N bytes of JSON
 * `{name: {dtype, shape, data_offsets: [begin, end]}, __metadata__}` padded with spaces to a multiple of 8, then
 * the raw little-endian data, each tensor's bytes contiguous and in header order with no gaps.
 */
export function encodeSafetensors(tensors: readonly SafetensorsTensor[], options: SafetensorsOptions = {}): Uint8Array {
  const dtype = options.dtype ?? "F32";
  const width = dtype === "F32" ? 4 : 2;
  const header: Record<string, unknown> = { __metadata__: options.metadata ?? { format: "pt" } };
  let offset = 0;
  const seen = new Set<string>();
  for (const t of tensors) {
    const count = t.shape.reduce((n, d) => n * d, 1);
    if (seen.has(t.name)) throw new InvalidInputError(`safetensors: duplicate tensor name ${t.name}`);
    if (count !== t.data.length) {
      throw new InvalidInputError(
        `safetensors: ${t.name} has ${t.data.length} values, shape [${t.shape}] needs ${count}`,
      );
    }
    seen.add(t.name);
    header[t.name] = { dtype, shape: [...t.shape], data_offsets: [offset, offset + count * width] };
    offset += count * width;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors) {
    for (const value of t.data) {
      if (width === 4) view.setFloat32(at, value, true);
      else view.setUint16(at, floatToHalf(value), true);
      at += width;
    }
  }
  return out;
}

/** Encodes and writes a safetensors file atomically (temp file + rename). Returns the bytes written. */
export async function writeSafetensors(
  path: string,
  tensors: readonly SafetensorsTensor[],
  options: SafetensorsOptions & { signal?: AbortSignal } = {},
): Promise<number> {
  const bytes = encodeSafetensors(tensors, options);
  await writeFileAtomic(path, bytes, options.signal);
  return bytes.length;
}
