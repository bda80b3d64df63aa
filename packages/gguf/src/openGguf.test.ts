import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GgufError,
  GgufFormatError,
  GgufMagicError,
  GgufMissingTensorError,
  GgufTruncatedError,
  GgufUnsupportedTensorTypeError,
  GgufVersionError,
} from "./errors.js";
import { openGguf, parseGguf } from "./openGguf.js";
import { readTensor, readTensorBytes } from "./readTensor.js";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import { GgmlType } from "./types.js";
import { str } from "./values.js";
import { encodeGguf } from "./writeGguf.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nomen-gguf-open-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const small = encodeGguf(
  {
    metadata: { "general.name": str("t") },
    tensors: [
      { name: "w", shape: [4], type: GgmlType.F32, data: new Float32Array([1, 2, 3, 4]) },
      { name: "iq", shape: [256], type: GgmlType.IQ2_XXS, data: new Uint8Array(66) },
    ],
  },
  { validate: "structure" },
);

/** The header's offset of the tensor info named `name` (its u64 name length). */
function tensorInfoAt(bytes: Uint8Array, name: string): number {
  const needle = new TextEncoder().encode(name);
  for (let i = 0; i < bytes.length; i++)
    if (needle.every((b, j) => bytes[i + j] === b) && bytes[i - 8] === needle.length) return i - 8;
  throw new Error("not found");
}

describe("openGguf / parseGguf on bad input", () => {
  it("reports a truncated file at every cut point, never anything but a named GgufError", async () => {
    const { dataOffset } = parseGguf(small);
    const end = dataOffset + 32 + 66; // the last tensor's end; the padding after it is optional
    for (let cut = 0; cut < end; cut++) {
      let error: unknown;
      try {
        parseGguf(small.subarray(0, cut));
      } catch (e) {
        error = e;
      }
      expect(error, `cut at ${cut}`).toBeInstanceOf(cut < 4 ? GgufError : GgufTruncatedError);
      if (cut > 4)
        expect((error as Error).message).toMatch(
          /GGUF file is truncated: .* needs bytes up to \d+, but the file has \d+/,
        );
    }
    expect(parseGguf(small.subarray(0, end)).tensors).toHaveLength(2);
    const path = join(dir, "cut.gguf");
    await writeFile(path, small.subarray(0, end - 1));
    await expect(openGguf(path)).rejects.toThrow(/tensor "iq" data needs bytes up to .*cut\.gguf/);
  });

  it("rejects a wrong magic, naming the file", async () => {
    const path = join(dir, "magic.gguf");
    await writeFile(path, Buffer.concat([Buffer.from("GGML"), small.subarray(4)]));
    const error = await openGguf(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GgufMagicError);
    expect((error as Error).message).toBe(
      `Not a GGUF file: expected magic "GGUF", got "GGML". Hint: is this a safetensors or PyTorch file? (at ${path} offset 0)`,
    );
  });

  it("rejects unsupported versions", () => {
    const bytes = Uint8Array.from(small);
    bytes[4] = 4;
    expect(() => parseGguf(bytes)).toThrow(GgufVersionError);
    expect(() => parseGguf(bytes)).toThrow(/expected 2 or 3, got 4/);
  });

  it("rejects an unknown tensor type id with the tensor's offset", () => {
    const bytes = Uint8Array.from(small);
    const at = tensorInfoAt(bytes, "iq") + 8 + 2 + 4 + 8; // name, n_dims, ne[0] → type
    new DataView(bytes.buffer).setUint32(at, 99, true);
    expect(() => parseGguf(bytes)).toThrow(GgufUnsupportedTensorTypeError);
    expect(() => parseGguf(bytes)).toThrow(/reading: type 99 \(99\)/);
  });

  it("rejects out-of-order tensor offsets (llama.cpp requires sequential ones)", () => {
    const bytes = Uint8Array.from(small);
    const at = tensorInfoAt(bytes, "iq") + 8 + 2 + 4 + 8 + 4;
    new DataView(bytes.buffer).setBigUint64(at, 64n, true);
    expect(() => parseGguf(bytes)).toThrow(GgufFormatError);
    expect(() => parseGguf(bytes)).toThrow(/has data offset 64, expected 32/);
  });

  it("rejects absurd counts without allocating for them", () => {
    const bytes = Uint8Array.from(small);
    new DataView(bytes.buffer).setBigUint64(16, 2n ** 40n, true); // metadata count
    expect(() => parseGguf(bytes)).toThrow(GgufTruncatedError);
  });

  it("reads raw bytes of any known type but refuses to dequantize unsupported ones", async () => {
    const file = parseGguf(small);
    expect((await readTensorBytes(file, "iq")).length).toBe(66);
    await expect(readTensor(file, "iq")).rejects.toThrow(
      /Unsupported ggml tensor type for dequantization: IQ2_XXS \(16\)/,
    );
    await expect(readTensor(file, "nope")).rejects.toThrow(GgufMissingTensorError);
  });

  it("opens a file on disk without reading its tensor data", async () => {
    const path = join(dir, "model.gguf");
    const bytes = encodeGguf(tinyModelSpec({ dim: 256 }));
    await writeFile(path, bytes);
    const file = await openGguf(path, { initialReadBytes: 1000 });
    expect(file.fileSize).toBe(bytes.length);
    expect(file.dataOffset).toBeLessThan(64 * 1024);
    expect(await readTensor(file, "output_norm.weight")).toEqual(tinyModelSpec({ dim: 256 }).tensors[1]!.data);
    await expect(openGguf(path, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });
});
