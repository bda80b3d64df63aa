import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, type Llama, LlamaLogLevel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import { GgmlType, type GgufMetadata, type GgufValue, GgufValueType } from "./types.js";
import { findModelProblems } from "./validate/validateModelMetadata.js";
import type { GgufTensorSpec } from "./validate/validateWriteSpec.js";
import { arr, f64, i32, u32, u64 } from "./values.js";
import { writeGguf } from "./writeGguf.js";

// The validator must accept exactly the tensor sets llama.cpp loads: every case is written without validation,
// loaded by llama.cpp (these failures are catchable errors, not aborts), and compared with findModelProblems.
let llama: Llama;
let dir: string;
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.disabled });
  dir = await mkdtemp(join(tmpdir(), "nomen-gguf-tensors-"));
});
// No llama.dispose() here: after some failed loads (a tensor with the wrong shape, q/k/v next to a fused qkv,
// no tokenizer.ggml.tokens) node-llama-cpp 3.21.1's dispose() never resolves. The worker exits without it.
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tensor = (name: string, shape: number[]): GgufTensorSpec => ({
  name,
  shape,
  type: GgmlType.F32,
  data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.01),
});
const isQkv = (t: GgufTensorSpec) => /^blk\.0\.attn_[qkv]\.weight$/.test(t.name);
const fusedQkv = tensor("blk.0.attn_qkv.weight", [64, 128]);

type Edit = (tensors: GgufTensorSpec[]) => GgufTensorSpec[];
const extras: [string, number[]][] = [
  ["output.bias", [261]],
  ["rope_freqs.weight", [8]],
  ["blk.0.attn_q.bias", [64]],
  ["blk.0.attn_output.bias", [64]],
  ["blk.0.ffn_gate.bias", [128]],
  ["blk.0.ffn_down.bias", [64]],
  ["blk.0.attn_qkv.bias", [128]],
  ["blk.0.bogus.weight", [64]],
];
const cases: [string, Edit][] = [
  ...extras.map(([name, shape]): [string, Edit] => [`+ ${name}`, (ts) => [...ts, tensor(name, shape)]]),
  ["fused attn_qkv instead of q/k/v", (ts) => [...ts.filter((t) => !isQkv(t)), fusedQkv]],
  [
    "fused attn_qkv + its bias",
    (ts) => [...ts.filter((t) => !isQkv(t)), fusedQkv, tensor("blk.0.attn_qkv.bias", [128])],
  ],
  ["fused attn_qkv and q/k/v", (ts) => [...ts, fusedQkv]],
  ["no blk.0.ffn_norm.weight", (ts) => ts.filter((t) => t.name !== "blk.0.ffn_norm.weight")],
  ["no output.weight (tied)", (ts) => ts.filter((t) => t.name !== "output.weight")],
  [
    "attn_k with the query's shape",
    (ts) => ts.map((t) => (t.name === "blk.0.attn_k.weight" ? tensor(t.name, [64, 64]) : t)),
  ],
  ["ffn_norm as [64, 1]", (ts) => ts.map((t) => (t.name === "blk.0.ffn_norm.weight" ? tensor(t.name, [64, 1]) : t))],
];

describe.each(["llama", "qwen2"] as const)("%s: the validator accepts exactly what llama.cpp loads", (architecture) => {
  it.each(cases)("%s", async (label, edit) => {
    const spec = tinyModelSpec({ architecture, qkvBias: false });
    const tensors = edit([...spec.tensors]);
    const path = join(dir, `${architecture}-${label.replace(/\W+/g, "_")}.gguf`);
    await writeGguf(path, { metadata: spec.metadata, tensors }, { validate: "structure" });
    const loads = await llama.loadModel({ modelPath: path }).then(
      (model) => model.dispose().then(() => true),
      () => false,
    );
    const problems = findModelProblems(spec.metadata, { tensors }).map((p) => p.message);
    expect({ loads, accepted: problems.length === 0, problems }).toMatchObject({ loads, accepted: loads });
  });
});

// Metadata edits llama.cpp reports as catchable errors or accepts (the ones that abort are in llamaCppAbort.slow.test.ts).
type MetaEdit = (metadata: Record<string, GgufValue>, arch: string) => void;
const drop =
  (key: string): MetaEdit =>
  (m, arch) => {
    delete m[key.replace("{arch}", arch)];
  };
const set =
  (key: string, value: GgufValue): MetaEdit =>
  (m, arch) => {
    m[key.replace("{arch}", arch)] = value;
  };
const metaCases: [string, MetaEdit][] = [
  ["no context_length", drop("{arch}.context_length")],
  ["no embedding_length", drop("{arch}.embedding_length")],
  ["no block_count", drop("{arch}.block_count")],
  ["no layer_norm_rms_epsilon", drop("{arch}.attention.layer_norm_rms_epsilon")],
  ["no head_count_kv (GQA tensors)", drop("{arch}.attention.head_count_kv")],
  ["no rope.freq_base", drop("{arch}.rope.freq_base")],
  ["no tokenizer.ggml.model", drop("tokenizer.ggml.model")],
  ["no tokenizer.ggml.tokens", drop("tokenizer.ggml.tokens")],
  ["no tokenizer.ggml.merges", drop("tokenizer.ggml.merges")],
  ["no tokenizer.ggml.pre", drop("tokenizer.ggml.pre")],
  ["no token_type", drop("tokenizer.ggml.token_type")],
  ["no bos_token_id", drop("tokenizer.ggml.bos_token_id")],
  ["u64 context_length", set("{arch}.context_length", u64(256))],
  ["i32 block_count", set("{arch}.block_count", i32(1))],
  ["f64 rms epsilon", set("{arch}.attention.layer_norm_rms_epsilon", f64(1e-5))],
  ["u32[] token_type", set("tokenizer.ggml.token_type", arr(GgufValueType.UINT32, new Array(261).fill(1)))],
  ["i32 bos_token_id", set("tokenizer.ggml.bos_token_id", i32(258))],
  ["rope.dimension_count = head_dim", set("{arch}.rope.dimension_count", u32(16))],
  ["rope.dimension_count = head_dim / 2", set("{arch}.rope.dimension_count", u32(8))],
  ["vocab_size disagrees with the tokens", set("{arch}.vocab_size", u32(300))],
  ["eos_token_id past the vocab", set("tokenizer.ggml.eos_token_id", u32(999))],
];

describe.each(["llama", "qwen2"] as const)(
  "%s metadata: the validator accepts exactly what llama.cpp loads",
  (architecture) => {
    it.each(metaCases)("%s", async (label, edit) => {
      const spec = tinyModelSpec({ architecture });
      const metadata: Record<string, GgufValue> = { ...spec.metadata };
      edit(metadata, architecture);
      const path = join(dir, `${architecture}-meta-${label.replace(/\W+/g, "_")}.gguf`);
      await writeGguf(path, { metadata: metadata as GgufMetadata, tensors: spec.tensors }, { validate: "structure" });
      const loads = await llama.loadModel({ modelPath: path }).then(
        (model) => model.dispose().then(() => true),
        () => false,
      );
      const problems = findModelProblems(metadata, { tensors: spec.tensors }).map((p) => p.message);
      expect({ loads, accepted: problems.length === 0, problems }).toMatchObject({ loads, accepted: loads });
    });
  },
);
