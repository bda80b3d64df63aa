import { stat } from "node:fs/promises";
import { NeedMoreBytes } from "./ByteCursor.js";
import { bufferSource, fileSource } from "./byteSources.js";
import { parseGgufHeader } from "./parseGgufHeader.js";
import type { GgufByteSource, GgufFile } from "./types.js";

/** Options for {@link openGguf}. */
export interface OpenGgufOptions {
  /** Aborts between reads. */
  signal?: AbortSignal;
  /** Bytes read first; the reader doubles it until the header fits. Defaults to 16 MiB (a 150k-token vocab is ~5 MB). */
  initialReadBytes?: number;
}

/**
 * Reads a GGUF file's header, metadata and tensor infos, reading only as many bytes as the header needs.
 * Tensor data stays on disk: use `readTensor` / `readTensorBytes`.
 * @throws GgufMagicError, GgufVersionError, GgufTruncatedError, GgufFormatError, GgufUnsupportedTensorTypeError, GgufShapeError
 * @example const file = await openGguf("model.gguf"); file.tensors.map((t) => t.name)
 */
export async function openGguf(path: string, options: OpenGgufOptions = {}): Promise<GgufFile> {
  const { size } = await stat(path);
  return parseFromSource(fileSource(path, size), options);
}

/** Parses a GGUF file held in memory (handy for tests and small vocab-only files); same errors as `openGguf`. */
export function parseGguf(bytes: Uint8Array): GgufFile {
  return parseGgufHeader(bytes, bufferSource(bytes));
}

async function parseFromSource(source: GgufByteSource, options: OpenGgufOptions): Promise<GgufFile> {
  let length = Math.min(source.size, options.initialReadBytes ?? 16 * 1024 * 1024);
  let bytes = await source.read(0, length, options.signal);
  for (;;) {
    try {
      return parseGgufHeader(bytes, source);
    } catch (error) {
      if (!(error instanceof NeedMoreBytes)) throw error;
      const next = Math.min(source.size, Math.max(error.needed, length * 2));
      const more = await source.read(length, next - length, options.signal);
      const grown = new Uint8Array(next);
      grown.set(bytes);
      grown.set(more, length);
      bytes = grown;
      length = next;
    }
  }
}
