import { mkdtemp, open, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GgmlType,
  GgufMagicError,
  GgufTruncatedError,
  GgufVersionError,
  type GgufWriteSpec,
  str,
  tinyModelSpec,
  writeGguf,
} from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ModelMetadataError,
  TensorShapeMismatchError,
  UnsupportedArchitectureError,
  UnsupportedTensorTypeError,
} from "./errors.js";
import { loadModel } from "./loadModel.js";

let dir: string;
let good: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-bad-"));
  good = join(dir, "good.gguf");
  await writeGguf(good, tinyModelSpec({ architecture: "qwen2", layers: 1 }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const load = (path: string) => loadModel({ path, log: () => {} });

async function variant(name: string, edit: (spec: GgufWriteSpec) => GgufWriteSpec): Promise<string> {
  const path = join(dir, `${name}.gguf`);
  await writeGguf(path, edit(tinyModelSpec({ architecture: "qwen2", layers: 1 })), { validate: "structure" });
  return path;
}

async function patchBytes(name: string, at: number, bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${name}.gguf`);
  await writeFile(path, await readFile(good));
  const handle = await open(path, "r+");
  await handle.write(bytes, 0, bytes.length, at);
  await handle.close();
  return path;
}

describe("loadModel on bad files: a named error saying what and where, never a dead process", () => {
  it("loads the good file", async () => {
    const model = await load(good);
    expect(model.config.layers).toBe(1);
    model.dispose();
  });

  it("truncated file", async () => {
    const path = join(dir, "truncated.gguf");
    await writeFile(path, await readFile(good));
    await truncate(path, 20_000);
    await expect(load(path)).rejects.toThrow(GgufTruncatedError);
    await expect(load(path)).rejects.toThrow(/truncated\.gguf/);
  });

  it("wrong magic", async () => {
    const path = await patchBytes("magic", 0, new TextEncoder().encode("GGML"));
    await expect(load(path)).rejects.toThrow(GgufMagicError);
  });

  it("unsupported version", async () => {
    const path = await patchBytes("version", 4, new Uint8Array([99, 0, 0, 0]));
    await expect(load(path)).rejects.toThrow(GgufVersionError);
    await expect(load(path)).rejects.toThrow(/got 99/);
  });

  it("tensor type it cannot dequantize", async () => {
    // MXFP4 (32 values in 17 bytes) is a valid ggml type that neither @nomen/gguf nor this package decodes.
    const path = await variant("mxfp4", (spec) => ({
      ...spec,
      tensors: spec.tensors.map((t) =>
        t.name === "blk.0.ffn_up.weight"
          ? { ...t, type: GgmlType.MXFP4, data: new Uint8Array((t.data.length / 32) * 17) }
          : t,
      ),
    }));
    await expect(load(path)).rejects.toThrow(UnsupportedTensorTypeError);
    await expect(load(path)).rejects.toThrow(/blk\.0\.ffn_up\.weight \(type 39\)/);
  });

  it("missing key", async () => {
    const path = await variant("no-ffn", (spec) => {
      const { "qwen2.feed_forward_length": _, ...metadata } = spec.metadata;
      return { ...spec, metadata };
    });
    await expect(load(path)).rejects.toThrow(ModelMetadataError);
    await expect(load(path)).rejects.toThrow(/no-ffn\.gguf: bad qwen2 metadata: qwen2\.feed_forward_length = missing/);
  });

  it("tensor shape mismatch", async () => {
    const path = await variant("shape", (spec) => ({
      ...spec,
      tensors: spec.tensors.map((t) => (t.name === "blk.0.attn_v.weight" ? { ...t, shape: [32, 64] } : t)),
    }));
    await expect(load(path)).rejects.toThrow(TensorShapeMismatchError);
    await expect(load(path)).rejects.toThrow(/blk\.0\.attn_v\.weight: expected ne \[64,32\], got \[32,64\]/);
  });

  it("unknown architecture", async () => {
    const path = await variant("mamba", (spec) => ({
      ...spec,
      metadata: { ...spec.metadata, "general.architecture": str("mamba") },
    }));
    await expect(load(path)).rejects.toThrow(UnsupportedArchitectureError);
  });
});
