// Read / dequantize / quantize throughput of @nomen/gguf, and header parsing against node-llama-cpp's own JS GGUF reader.
// Run: pnpm --filter @nomen/gguf bench   (uses the built dist: build first)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BenchSuite } from "@nomen/bench";
import {
  arr,
  dequantize,
  GgmlType,
  type GgmlTypeName,
  GgufValueType,
  openGguf,
  quantize,
  readTensor,
  str,
  writeGguf,
} from "@nomen/gguf";
import { readGgufFileInfo } from "node-llama-cpp";

const dir = await mkdtemp(join(tmpdir(), "nomen-gguf-bench-"));
const ROW = 4096;
const ROWS = 512;
const values = Float32Array.from({ length: ROW * ROWS }, (_, i) => Math.sin(i * 0.37) * 2);
const work = { amount: values.length, unit: "values" };

const dequant = new BenchSuite("gguf dequantize (2M values)");
for (const name of [
  "F32",
  "F16",
  "BF16",
  "Q4_0",
  "Q5_0",
  "Q8_0",
  "Q2_K",
  "Q3_K",
  "Q4_K",
  "Q5_K",
  "Q6_K",
  "IQ4_XS",
] as GgmlTypeName[]) {
  const bytes = quantize(GgmlType[name], values, ROW);
  await dequant.add({ name, backend: "js", work, fn: () => dequantize(GgmlType[name], bytes, values.length) });
}
dequant.table({ baseline: "F32" });

const quant = new BenchSuite("gguf quantize (2M values)");
for (const name of ["F16", "Q8_0", "Q4_K", "Q6_K"] as GgmlTypeName[]) {
  await quant.add({ name, backend: "js", work, repeats: 3, fn: () => quantize(GgmlType[name], values, ROW) });
}
quant.table({ baseline: "F16" });

const read = new BenchSuite("gguf readTensor from disk (2M values)");
for (const name of ["F32", "Q8_0", "Q4_K"] as GgmlTypeName[]) {
  const path = join(dir, `${name}.gguf`);
  await writeGguf(
    path,
    { metadata: {}, tensors: [{ name: "w", shape: [ROW, ROWS], type: GgmlType[name], data: values }] },
    { validate: "structure" },
  );
  const file = await openGguf(path);
  await read.add({ name, backend: "js", work, fn: () => readTensor(file, "w") });
}
read.table({ baseline: "F32" });

// A Qwen-sized vocab (151,643 tokens, 151,387 merges) makes the header about 4 MB.
const tokens = Array.from({ length: 151_643 }, (_, i) => `tok${i.toString(36)}`);
const merges = Array.from({ length: 151_387 }, (_, i) => `t${i.toString(36)} o${i.toString(36)}`);
const vocabPath = join(dir, "vocab.gguf");
const metadata = {
  "general.architecture": str("qwen2"),
  "tokenizer.ggml.model": str("gpt2"),
  "tokenizer.ggml.tokens": arr(GgufValueType.STRING, tokens),
  "tokenizer.ggml.token_type": arr(
    GgufValueType.INT32,
    tokens.map(() => 1),
  ),
  "tokenizer.ggml.merges": arr(GgufValueType.STRING, merges),
};
await writeGguf(vocabPath, { metadata, tensors: [] }, { kind: "vocab" });
const header = new BenchSuite("gguf header with a 151k-token vocab");
await header.add({ name: "openGguf", backend: "@nomen/gguf", repeats: 5, fn: () => openGguf(vocabPath) });
await header.add({
  name: "readGgufFileInfo",
  backend: "node-llama-cpp",
  repeats: 5,
  fn: () => readGgufFileInfo(vocabPath),
});
header.table({ baseline: "readGgufFileInfo" });

await rm(dir, { recursive: true, force: true });
