import { describe, expect, it } from "vitest";
import { GgufMissingKeyError, UnsupportedArchitectureError } from "./errors.js";
import { modelConfigFromGguf } from "./modelConfigFromGguf.js";
import { parseGguf } from "./openGguf.js";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import { GgmlType } from "./types.js";
import { str } from "./values.js";
import { weightBytesByType } from "./weightBytesByType.js";
import { encodeGguf } from "./writeGguf.js";

describe("modelConfigFromGguf", () => {
  it("reads a qwen2 config: GQA, q/k/v bias, untied output, NEOX rope", () => {
    const file = parseGguf(encodeGguf(tinyModelSpec({ architecture: "qwen2", layers: 2 })));
    expect(modelConfigFromGguf(file)).toEqual({
      architecture: "qwen2",
      vocabSize: 261,
      dim: 64,
      layers: 2,
      heads: 4,
      kvHeads: 2,
      headDim: 16,
      ffnDim: 128,
      ropeBase: 10000,
      ropeStyle: "neox",
      rmsEps: Math.fround(1e-5),
      contextLength: 256,
      tiedOutput: false,
      qkvBias: true,
    });
  });

  it("reads a llama config: tied output, no bias, NORM rope, head_count_kv defaulting to head_count", () => {
    const spec = tinyModelSpec({ architecture: "llama", tiedOutput: true, kvHeads: 4 });
    const metadata = Object.fromEntries(
      Object.entries(spec.metadata).filter(([k]) => k !== "llama.attention.head_count_kv"),
    );
    const config = modelConfigFromGguf(parseGguf(encodeGguf({ ...spec, metadata })));
    expect(config).toMatchObject({
      architecture: "llama",
      kvHeads: 4,
      tiedOutput: true,
      qkvBias: false,
      ropeStyle: "norm",
    });
  });

  it("also reads a write spec before anything is written", () => {
    const spec = tinyModelSpec({ architecture: "qwen2", tiedOutput: true });
    expect(modelConfigFromGguf(spec)).toMatchObject({
      architecture: "qwen2",
      tiedOutput: true,
      qkvBias: true,
      vocabSize: 261,
    });
  });

  it("throws named errors for unknown architectures and missing hparams", () => {
    const spec = tinyModelSpec();
    const other = { ...spec.metadata, "general.architecture": str("gpt2") };
    const opts = { validate: "structure" } as const;
    expect(() => modelConfigFromGguf(parseGguf(encodeGguf({ ...spec, metadata: other }, opts)))).toThrow(
      UnsupportedArchitectureError,
    );
    const noLayers = Object.fromEntries(Object.entries(spec.metadata).filter(([k]) => k !== "llama.block_count"));
    expect(() => modelConfigFromGguf(parseGguf(encodeGguf({ ...spec, metadata: noLayers }, opts)))).toThrow(
      GgufMissingKeyError,
    );
  });
});

describe("weightBytesByType", () => {
  it("accounts bytes per ggml type from the header alone (a Q4_K_M-like mix)", () => {
    const typeOf = (name: string) =>
      name === "token_embd.weight"
        ? GgmlType.Q6_K
        : name.includes("ffn_") && !name.includes("norm")
          ? GgmlType.Q4_K
          : GgmlType.F32;
    const file = parseGguf(encodeGguf(tinyModelSpec({ dim: 256, ffnDim: 256, typeOf })));
    const bytes = weightBytesByType(file);
    expect(bytes.byType.Q6_K).toEqual({ tensors: 1, elements: 256 * 261, bytes: 261 * 210 });
    expect(bytes.byType.Q4_K).toEqual({ tensors: 3, elements: 3 * 256 * 256, bytes: 3 * 256 * 144 });
    expect(bytes.totalBytes).toBe(file.tensors.reduce((n, t) => n + t.byteLength, 0));
    expect(bytes.float32Bytes).toBe(bytes.totalElements * 4);
  });
});
