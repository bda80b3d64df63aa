import { describe, expect, it } from "vitest";
import {
  GgufKeyTypeError,
  GgufMissingKeyError,
  GgufShapeError,
  GgufValidationError,
  UnsupportedArchitectureError,
} from "../errors.js";
import { parseGguf } from "../openGguf.js";
import { byteLevelVocabMetadata } from "../tinyModel/byteLevelVocab.js";
import { tinyModelSpec } from "../tinyModel/tinyModelSpec.js";
import { type GgufMetadata, GgufValueType } from "../types.js";
import { arr, f32, f64, i32, str, u32, u64 } from "../values.js";
import { encodeGguf } from "../writeGguf.js";
import type { TensorShape } from "./validateArchTensors.js";
import { findModelProblems, validateGgufFile, validateModelMetadata } from "./validateModelMetadata.js";

const spec = tinyModelSpec({ architecture: "qwen2" });
const without = (key: string): GgufMetadata =>
  Object.fromEntries(Object.entries(spec.metadata).filter(([k]) => k !== key));
const names = (metadata: GgufMetadata, tensors: readonly TensorShape[] = spec.tensors) =>
  findModelProblems(metadata, { tensors }).map((p) => p.name);

describe("validateModelMetadata", () => {
  it("accepts the tiny llama and qwen2 models", () => {
    expect(findModelProblems(spec.metadata, { tensors: spec.tensors })).toEqual([]);
    const llama = tinyModelSpec({ architecture: "llama", tiedOutput: true, layers: 2 });
    expect(() => validateModelMetadata(llama.metadata, llama.tensors)).not.toThrow();
  });

  it.each([
    "qwen2.context_length",
    "qwen2.embedding_length",
    "qwen2.block_count",
    "qwen2.feed_forward_length",
    "qwen2.attention.head_count",
    "qwen2.attention.layer_norm_rms_epsilon",
    "general.architecture",
    "tokenizer.ggml.model",
    "tokenizer.ggml.tokens",
    "tokenizer.ggml.merges",
  ])("reports a missing %s as GgufMissingKeyError", (key) => {
    const problems = findModelProblems(without(key), { tensors: spec.tensors });
    expect(problems.find((p) => p instanceof GgufMissingKeyError && p.key === key)).toBeDefined();
  });

  it("says the two keys whose absence aborts llama.cpp do so", () => {
    const error = (() => {
      try {
        validateModelMetadata(without("qwen2.attention.head_count"), { where: "m.gguf" });
      } catch (e) {
        return e as GgufValidationError;
      }
    })();
    expect(error).toBeInstanceOf(GgufValidationError);
    expect(error?.message).toMatch(
      /^GGUF validation of m\.gguf failed with \d problem\(s\):\n {2}- Missing metadata key "qwen2\.attention\.head_count"\. Without it llama\.cpp aborts/,
    );
  });

  it.each([
    ["qwen2.context_length", u64(256), "expected u32, got u64"],
    ["qwen2.block_count", i32(1), "expected u32, got i32"],
    ["qwen2.attention.layer_norm_rms_epsilon", f64(1e-6), "expected f32, got f64"],
    ["qwen2.rope.freq_base", u32(10000), "expected f32, got u32"],
    ["tokenizer.ggml.token_type", arr(GgufValueType.UINT32, [1]), "expected i32[], got u32[]"],
    ["tokenizer.ggml.bos_token_id", i32(256), "expected u32, got i32"],
    ["qwen2.attention.head_count_kv", u32(3), "expected a divisor of head_count 4, got 3"],
  ] as const)("reports %s with the wrong type", (key, value, message) => {
    const problems = findModelProblems({ ...spec.metadata, [key]: value });
    expect(problems.find((p) => p instanceof GgufKeyTypeError)?.message).toContain(message);
  });

  it("reports a block_count the tensors cannot hold at once, without expanding billions of blocks", () => {
    // A corrupted count (found by fuzz.test.ts: it ran for minutes and ended in "Map maximum size exceeded").
    const started = performance.now();
    const problems = findModelProblems(
      { ...spec.metadata, "qwen2.block_count": u32(4_000_000_000) },
      {
        tensors: spec.tensors,
      },
    );
    expect(performance.now() - started).toBeLessThan(1000);
    const count = problems.find((p) => p instanceof GgufKeyTypeError);
    expect(count?.message).toContain("qwen2.block_count");
    expect(count?.message).toContain(`at most ${Math.floor(spec.tensors.length / 7)}`);
    // A block_count the tensors can hold is left to the per-tensor checks (one block missing: its tensors).
    const two = findModelProblems({ ...spec.metadata, "qwen2.block_count": u32(2) }, { tensors: spec.tensors });
    expect(two.length).toBeGreaterThan(0);
    expect(two.every((p) => p.name === "GgufMissingTensorError")).toBe(true);
  });

  it("checks tensor shapes against the metadata (GQA k/v, biases, vocab)", () => {
    const tensors = spec.tensors.map((t) => (t.name === "blk.0.attn_k.weight" ? { ...t, shape: [64, 64] } : t));
    const problems = findModelProblems(spec.metadata, { tensors });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(GgufShapeError);
    expect(problems[0]?.message).toBe(
      'Tensor "blk.0.attn_k.weight" has the wrong shape or size: expected ne [64, 32], got ne [64, 64]. Hint: ne[0] is the contiguous dim, so a row-major [out, in] matrix has ne [in, out] (transpose TF.js [in, out] kernels).',
    );
    expect(names(spec.metadata, [...spec.tensors, { ...spec.tensors[1]!, name: "blk.0.extra.weight" }])).toEqual([
      "GgufFormatError",
    ]);
  });

  it("rejects an unknown architecture unless asked to check only the generic keys", () => {
    const metadata = { ...spec.metadata, "general.architecture": str("mamba") };
    expect(names(metadata)).toEqual(["UnsupportedArchitectureError"]);
    expect(findModelProblems(metadata, { allowUnknownArchitecture: true })).toEqual([]);
    expect(findModelProblems(metadata)[0]).toBeInstanceOf(UnsupportedArchitectureError);
  });

  it("validates vocab-only files (architecture + tokenizer, no hparams)", () => {
    const vocabOnly = { "general.architecture": str("qwen2"), ...byteLevelVocabMetadata() };
    expect(findModelProblems(vocabOnly, { tensors: [] })).toEqual([]);
    expect(findModelProblems(vocabOnly).map((p) => p.name)).toContain("GgufMissingKeyError");
  });

  it("validates LoRA adapters: alpha must be f32, tensors in lora_a/lora_b pairs matching the base", () => {
    const adapter = {
      "general.architecture": str("qwen2"),
      "general.type": str("adapter"),
      "adapter.type": str("lora"),
      "adapter.lora.alpha": f32(8),
    };
    const tensors = [
      { name: "blk.0.attn_q.weight.lora_a", shape: [64, 4] },
      { name: "blk.0.attn_q.weight.lora_b", shape: [4, 64] },
    ];
    const base = { tensors: spec.tensors, architecture: "qwen2" };
    expect(findModelProblems(adapter, { tensors, base })).toEqual([]);
    const bad = findModelProblems(
      { ...adapter, "adapter.lora.alpha": u32(8) },
      { tensors: [tensors[0]!, { ...tensors[1]!, shape: [4, 32] }], base },
    );
    expect(bad.map((p) => p.message)).toEqual([
      'Metadata key "adapter.lora.alpha" has the wrong type: expected f32, got u32. A u32 alpha aborts the llama.cpp process (GGML_ASSERT).',
      'Tensor "blk.0.attn_q.weight" has the wrong shape or size: expected lora_a ne [64, r] and lora_b ne [r, 64], got lora_a [64, 4], lora_b [4, 32]. Hint: ne[0] is the contiguous dim, so a row-major [out, in] matrix has ne [in, out] (transpose TF.js [in, out] kernels).',
    ]);
    expect(names(adapter, [tensors[1]!])).toEqual(["GgufMissingTensorError"]);
  });

  it("validateGgufFile checks an opened file and names it", () => {
    const file = parseGguf(encodeGguf(spec));
    expect(() => validateGgufFile(file)).not.toThrow();
    const noFfn = parseGguf(
      encodeGguf({ ...spec, metadata: without("qwen2.feed_forward_length") }, { validate: "structure" }),
    );
    expect(() => validateGgufFile(noFfn)).toThrow(/GGUF validation of <buffer> failed/);
  });
});
