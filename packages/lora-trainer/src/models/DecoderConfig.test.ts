import { type GgufValue, GgufValueType, modelConfigFromGguf } from "@nomen/gguf";
import { describe, expect, it } from "vitest";
import { ModelMetadataError, UnsupportedArchitectureError } from "../errors.js";
import { randomModel } from "../testing/randomModel.js";
import { decoderConfigFromMetadata, SUPPORTED_ARCHITECTURES } from "./DecoderConfig.js";

const model = () =>
  randomModel({ architecture: "llama", vocabSize: 40, dim: 16, layers: 2, heads: 4, kvHeads: 2, ffnDim: 24 });

describe("decoderConfigFromMetadata (through @nomen/gguf's modelConfigFromGguf)", () => {
  it("reads what modelConfigFromGguf reads, with its defaults", () => {
    const { metadata, config } = model();
    metadata.delete("llama.attention.head_count_kv"); // llama.cpp's default: as many kv heads as heads
    const ours = decoderConfigFromMetadata(metadata, "m.gguf", 40);
    const typed: Record<string, GgufValue> = Object.fromEntries(
      [...metadata]
        .filter(([, v]) => typeof v === "number")
        .map(([k, v]) => [k, { type: GgufValueType.FLOAT64, value: v as number }]),
    );
    typed["general.architecture"] = { type: GgufValueType.STRING, value: "llama" };
    const {
      tiedOutput: _t,
      qkvBias: _b,
      ...theirs
    } = modelConfigFromGguf({
      metadata: typed,
      tensors: [{ name: "token_embd.weight", shape: [16, 40] }],
    });
    expect(ours).toEqual(theirs);
    expect(ours).toEqual({ ...config, kvHeads: 4 });
    expect(SUPPORTED_ARCHITECTURES).toEqual(["llama", "qwen2"]);
  });

  it("takes a per-layer head count array's first entry, as llama.cpp does", () => {
    const { metadata, config } = model();
    metadata.set("llama.attention.head_count", [4, 4]);
    expect(decoderConfigFromMetadata(metadata, "m.gguf", 40)).toEqual(config);
  });

  it("maps gguf's errors to this package's named errors, listing every missing key", () => {
    const { metadata } = model();
    metadata.set("general.architecture", "mamba");
    expect(() => decoderConfigFromMetadata(metadata, "m.gguf")).toThrow(UnsupportedArchitectureError);
    metadata.set("general.architecture", "llama");
    metadata.delete("llama.block_count");
    metadata.delete("llama.context_length");
    expect(() => decoderConfigFromMetadata(metadata, "m.gguf", 40)).toThrow(ModelMetadataError);
    expect(() => decoderConfigFromMetadata(metadata, "m.gguf", 40)).toThrow(
      /llama\.block_count = missing.*llama\.context_length = missing/,
    );
  });
});
