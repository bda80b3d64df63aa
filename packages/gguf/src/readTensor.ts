import { GgufMissingTensorError } from "./errors.js";
import { dequantize } from "./quant/dequantize.js";
import type { GgufFile, GgufTensorInfo } from "./types.js";

/** Options for {@link readTensor} and {@link readTensorBytes}. */
export interface ReadTensorOptions {
  signal?: AbortSignal;
}

/** The info of tensor `name`, or a GgufMissingTensorError naming the file. */
export function getTensorInfo(file: GgufFile, name: string): GgufTensorInfo {
  const info = file.tensors.find((t) => t.name === name);
  if (!info) {
    const some = file.tensors.slice(0, 5).map((t) => t.name);
    throw new GgufMissingTensorError(
      name,
      `The file has ${file.tensors.length} tensors, e.g. ${some.join(", ")}.`,
      file.source.description,
    );
  }
  return info;
}

/** Raw bytes of tensor `name` in its stored ggml type, read positionally from the source. */
export async function readTensorBytes(
  file: GgufFile,
  name: string,
  options: ReadTensorOptions = {},
): Promise<Uint8Array> {
  const info = getTensorInfo(file, name);
  return file.source.read(file.dataOffset + info.offset, info.byteLength, options.signal);
}

/**
 * Tensor `name` as float32 values in ggml order (ne[0] fastest), dequantized from F32/F16/BF16/Q8_0/Q4_K/Q5_K/Q6_K.
 * @throws GgufMissingTensorError, GgufUnsupportedTensorTypeError
 */
export async function readTensor(file: GgufFile, name: string, options: ReadTensorOptions = {}): Promise<Float32Array> {
  const info = getTensorInfo(file, name);
  const where = `${file.source.description} tensor "${name}"`;
  // Check the type before reading possibly gigabytes of data.
  dequantize(info.type, new Uint8Array(0), 0, where);
  const bytes = await readTensorBytes(file, name, options);
  return dequantize(info.type, bytes, info.elementCount, where);
}
