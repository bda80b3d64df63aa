import { describe, expect, it } from "vitest";
import {
  AbortError,
  MissingTensorError,
  ModelMetadataError,
  TensorShapeMismatchError,
  UnsupportedArchitectureError,
  UnsupportedTensorTypeError,
} from "../errors.js";
import { memorySource, randomModel } from "../testing/randomModel.js";
import { DecoderModel } from "./DecoderModel.js";
import type { ModelSource } from "./ModelSource.js";

const base = () =>
  randomModel({ architecture: "qwen2", vocabSize: 40, dim: 16, layers: 2, heads: 2, kvHeads: 1, ffnDim: 24 });
const load = (source: ModelSource) => DecoderModel.fromSource(source, { log: () => {} });

describe("bad models get a named error saying what and where", () => {
  it("unknown architecture", async () => {
    const model = base();
    model.metadata.set("general.architecture", "mamba");
    await expect(load(memorySource(model, "m.gguf"))).rejects.toThrow(UnsupportedArchitectureError);
    await expect(load(memorySource(model, "m.gguf"))).rejects.toThrow(
      /m\.gguf: general\.architecture is "mamba"; expected one of llama, qwen2/,
    );
  });

  it("missing and mistyped keys, all listed", async () => {
    const model = base();
    model.metadata.delete("qwen2.feed_forward_length");
    model.metadata.set("qwen2.block_count", 2.5);
    const error = await load(memorySource(model, "m.gguf")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelMetadataError);
    expect((error as Error).message).toMatch(/qwen2\.block_count = number 2\.5.*qwen2\.feed_forward_length = missing/);
  });

  it("heads that do not divide", async () => {
    const model = base();
    model.metadata.set("qwen2.attention.head_count_kv", 3);
    await expect(load(memorySource(model))).rejects.toThrow(/head_count 2 is not a multiple of head_count_kv 3/);
  });

  it("missing tensor", async () => {
    const model = base();
    model.tensors.delete("blk.1.ffn_norm.weight");
    await expect(load(memorySource(model, "m.gguf"))).rejects.toThrow(MissingTensorError);
    await expect(load(memorySource(model, "m.gguf"))).rejects.toThrow(
      /m\.gguf .*missing tensor\(s\) blk\.1\.ffn_norm\.weight/,
    );
  });

  it("tensor shape mismatch", async () => {
    const model = base();
    model.tensors.set("blk.0.attn_k.weight", { ne: [16, 16], data: new Float32Array(256) });
    await expect(load(memorySource(model))).rejects.toThrow(TensorShapeMismatchError);
    await expect(load(memorySource(model))).rejects.toThrow(
      /blk\.0\.attn_k\.weight: expected ne \[16,8\], got \[16,16\]/,
    );
  });

  it("tensor type it cannot decode", async () => {
    const source = memorySource(base(), "m.gguf");
    const tensors = source.tensors.map((t) => (t.name === "blk.0.ffn_up.weight" ? { ...t, ggmlType: 14 } : t));
    await expect(load({ ...source, tensors })).rejects.toThrow(UnsupportedTensorTypeError);
    await expect(load({ ...source, tensors })).rejects.toThrow(/blk\.0\.ffn_up\.weight \(Q6_K\)/);
  });

  it("a failure while reading data releases what was already uploaded", async () => {
    const good = await load(memorySource(base()));
    const tf = good.tf;
    good.dispose();
    const before = tf.memory().numTensors;
    const source = memorySource(base());
    const failing: ModelSource = {
      ...source,
      readFloat32: (name) => {
        if (name === "blk.1.ffn_down.weight") throw new Error("disk went away");
        return source.readFloat32(name);
      },
    };
    await expect(load(failing)).rejects.toThrow("disk went away");
    expect(tf.memory().numTensors).toBe(before);
  });

  it("an abort while reading weights rejects with AbortError and releases what was uploaded", async () => {
    const first = await load(memorySource(base()));
    const tf = first.tf;
    first.dispose();
    const before = tf.memory().numTensors;
    const source = memorySource(base());
    const controller = new AbortController();
    let reads = 0;
    const aborting: ModelSource = {
      ...source,
      readFloat32: (name) => {
        if (++reads === 3) controller.abort(new Error("user pressed Ctrl-C"));
        return source.readFloat32(name);
      },
    };
    await expect(DecoderModel.fromSource(aborting, { log: () => {}, signal: controller.signal })).rejects.toThrow(
      AbortError,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
