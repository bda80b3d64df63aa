import { canDequantize, type GgufFile, openGguf, readTensor } from "@nomen/gguf";
import type { ModelSource } from "./ModelSource.js";

/** Options for {@link openGgufSource}. */
export interface OpenGgufSourceOptions {
  signal?: AbortSignal;
}

/**
 * Opens a GGUF file with `@nomen/gguf` (header only; that reader already rejects a wrong magic, an unsupported
 * version, an unknown tensor type and a file shorter than its tensors) and exposes it as a {@link ModelSource}.
 */
export async function openGgufSource(path: string, options: OpenGgufSourceOptions = {}): Promise<ModelSource> {
  return ggufFileSource(await openGguf(path, { signal: options.signal }), options.signal);
}

/** A {@link ModelSource} over an already parsed GGUF file; tensor data is read (and dequantized) on demand. */
export function ggufFileSource(file: GgufFile, signal?: AbortSignal): ModelSource {
  return {
    location: file.source.description,
    metadata: new Map(Object.entries(file.metadata).map(([key, value]) => [key, value.value])),
    tensors: file.tensors.map((t) => ({ name: t.name, ne: t.shape, ggmlType: t.type, byteLength: t.byteLength })),
    canDecode: canDequantize,
    readFloat32: (name) => readTensor(file, name, { signal }),
  };
}
