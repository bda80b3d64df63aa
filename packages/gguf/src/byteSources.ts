import { open } from "node:fs/promises";
import { GgufTruncatedError } from "./errors.js";
import type { GgufByteSource } from "./types.js";

/** Reads from an in-memory copy of a GGUF file. */
export function bufferSource(bytes: Uint8Array, description = "<buffer>"): GgufByteSource {
  return {
    description,
    size: bytes.byteLength,
    async read(offset, length, signal) {
      signal?.throwIfAborted();
      if (offset + length > bytes.byteLength) {
        throw new GgufTruncatedError(offset + length, bytes.byteLength, "read", `${description} offset ${offset}`);
      }
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** Chunk size for positional reads, so an abort is noticed between chunks of a large tensor. */
const CHUNK = 64 * 1024 * 1024;

/** Reads a file positionally (open, read, close per call): never the whole file. */
export function fileSource(path: string, size: number): GgufByteSource {
  return {
    description: path,
    size,
    async read(offset, length, signal) {
      signal?.throwIfAborted();
      const out = new Uint8Array(length);
      const handle = await open(path, "r");
      try {
        let done = 0;
        while (done < length) {
          signal?.throwIfAborted();
          const { bytesRead } = await handle.read(out, done, Math.min(CHUNK, length - done), offset + done);
          if (bytesRead === 0) {
            throw new GgufTruncatedError(offset + length, offset + done, "read", `${path} offset ${offset + done}`);
          }
          done += bytesRead;
        }
      } finally {
        await handle.close();
      }
      return out;
    },
  };
}
