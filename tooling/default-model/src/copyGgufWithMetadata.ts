import { type GgufMetadata, openGguf, readTensorBytes, writeGguf } from "@nomen/gguf";

/** Options for {@link copyGgufWithMetadata}. */
export interface CopyGgufWithMetadataOptions {
  from: string;
  /** Written atomically; may equal `from`. */
  to: string;
  /** Keys to add or replace; every other key and every tensor byte stays as it was. */
  metadata: GgufMetadata;
  signal?: AbortSignal;
}

/**
 * Rewrites a small GGUF (read whole into memory) with some metadata keys added or changed: tensors are copied as bytes,
 * in order, so the weights stay bit-identical. Used to mark the shipped base, whose final weights exist only as a
 * GGUF, with `nomen.prompt.lowercase_user`. Returns bytes written.
 */
export async function copyGgufWithMetadata(options: CopyGgufWithMetadataOptions): Promise<number> {
  const file = await openGguf(options.from, { signal: options.signal });
  const tensors = [];
  for (const info of file.tensors) {
    const data = await readTensorBytes(file, info.name, { signal: options.signal });
    tensors.push({ name: info.name, shape: info.shape, type: info.type, data });
  }
  return writeGguf(
    options.to,
    { metadata: { ...file.metadata, ...options.metadata }, tensors },
    {
      signal: options.signal,
    },
  );
}
