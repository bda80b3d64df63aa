import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GgufShapeError, GgufUnsupportedTensorTypeError, GgufValidationError } from "./errors.js";
import { openGguf, parseGguf } from "./openGguf.js";
import { readTensor, readTensorBytes } from "./readTensor.js";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import { GgmlType, GgufValueType } from "./types.js";
import { arr, bool, f32, f64, i8, i16, i32, i64, str, u8, u16, u32, u64 } from "./values.js";
import { encodeGguf, writeGguf } from "./writeGguf.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nomen-gguf-write-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const everyType = {
  a: u8(255),
  b: i8(-128),
  c: u16(65535),
  d: i16(-32768),
  e: u32(4294967295),
  f: i32(-2147483648),
  g: f32(0.5),
  h: bool(true),
  i: str("héllo ✓"),
  j: u64(2n ** 64n - 1n),
  k: i64(-(2n ** 63n)),
  l: f64(Math.PI),
  m: arr(GgufValueType.INT32, [1, -2, 3]),
  n: arr(GgufValueType.STRING, ["x", "", "ü"]),
  o: arr(GgufValueType.UINT64, [0n, 7n]),
  p: arr(GgufValueType.BOOL, []),
};

describe("encodeGguf + parseGguf", () => {
  it("round-trips every metadata type exactly, keeping its GGUF type", () => {
    const file = parseGguf(encodeGguf({ metadata: everyType, tensors: [] }, { validate: "structure" }));
    expect(file.version).toBe(3);
    expect(file.metadata).toEqual(everyType);
    expect(Object.keys(file.metadata)).toEqual(Object.keys(everyType));
  });

  it("lays tensors out at sequential offsets aligned to general.alignment", async () => {
    const tensors = [
      { name: "a", shape: [3], type: GgmlType.F32, data: new Float32Array([1, 2, 3]) },
      { name: "b", shape: [32, 2], type: GgmlType.Q8_0, data: new Float32Array(64).fill(0.25) },
      { name: "c", shape: [5], type: GgmlType.F16, data: new Float32Array([1, -2, 0.5, 65504, 0]) },
    ];
    const file = parseGguf(
      encodeGguf({ metadata: { "general.alignment": u32(64) }, tensors }, { validate: "structure" }),
    );
    expect(file.alignment).toBe(64);
    expect(file.dataOffset % 64).toBe(0);
    expect(file.tensors.map((t) => [t.name, t.typeName, t.offset, t.byteLength])).toEqual([
      ["a", "F32", 0, 12],
      ["b", "Q8_0", 64, 68],
      ["c", "F16", 192, 10],
    ]);
    expect(Array.from(await readTensor(file, "a"))).toEqual([1, 2, 3]);
    for (const x of await readTensor(file, "b")) expect(Math.abs(x - 0.25)).toBeLessThan(0.25 / 254 + 1e-4); // Q8_0 step
    expect(Array.from(await readTensor(file, "c"))).toEqual([1, -2, 0.5, 65504, 0]);
    expect((await readTensorBytes(file, "b")).length).toBe(68);
  });
});

describe("writeGguf", () => {
  it("writes a model that reads back tensor by tensor, and leaves no temp file", async () => {
    const path = join(dir, "tiny.gguf");
    const spec = tinyModelSpec();
    const bytes = await writeGguf(path, spec);
    expect((await readFile(path)).length).toBe(bytes);
    expect(await readdir(dir)).toEqual(["tiny.gguf"]);
    const file = await openGguf(path, { initialReadBytes: 64 }); // forces several header re-reads
    expect(file.tensors.map((t) => t.name)).toEqual(spec.tensors.map((t) => t.name));
    for (const t of spec.tensors) expect(await readTensor(file, t.name)).toEqual(t.data);
  });

  it("collects every problem into one GgufValidationError and does not touch the target", async () => {
    const path = join(dir, "bad.gguf");
    await writeFile(path, "keep me");
    const spec = tinyModelSpec();
    const metadata = { ...spec.metadata, "llama.context_length": u64(256), "general.alignment": u32(48) };
    delete (metadata as Record<string, unknown>)["llama.feed_forward_length"];
    const tensors = [
      ...spec.tensors.filter((t) => t.name !== "blk.0.ffn_norm.weight"),
      { name: "x".repeat(64), shape: [4], type: GgmlType.F32, data: new Float32Array(3) },
      { name: "q", shape: [33], type: GgmlType.Q8_0, data: new Float32Array(33) },
      { name: "iq", shape: [256], type: GgmlType.IQ2_XXS, data: new Float32Array(256) },
    ];
    const error = await writeGguf(path, { metadata, tensors }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GgufValidationError);
    const problems = (error as GgufValidationError).problems;
    const messages = problems.map((p) => `${p.name}: ${p.message}`).join("\n");
    expect(messages).toMatch(
      /GgufKeyTypeError: Metadata key "llama.context_length" has the wrong type: expected u32, got u64/,
    );
    expect(messages).toMatch(/GgufMissingKeyError: Missing metadata key "llama.feed_forward_length".*aborts/);
    expect(messages).toMatch(/general.alignment" must be a u32 power of two/);
    expect(messages).toMatch(/Tensor name "x{64}" is 64 bytes/);
    expect(messages).toMatch(/GgufShapeError: Tensor "x{64}" .*expected 4 float32 values, got 3/);
    expect(messages).toMatch(/GgufShapeError: Tensor "q" .*not a multiple of Q8_0's block size 32/);
    expect(messages).toMatch(/GgufMissingTensorError: Missing tensor "blk.0.ffn_norm.weight"/);
    expect(problems.some((p) => p instanceof GgufUnsupportedTensorTypeError)).toBe(true);
    expect((error as Error).message).toContain(path);
    expect(await readFile(path, "utf8")).toBe("keep me");
    expect(problems.every((p) => p instanceof Error)).toBe(true);
  });

  it("rejects values out of their type's range", () => {
    const error = (() => {
      try {
        encodeGguf(
          { metadata: { a: u32(-1), b: u8(1.5), c: arr(GgufValueType.UINT16, [1, 70000]) }, tensors: [] },
          { validate: "structure" },
        );
      } catch (e) {
        return e as GgufValidationError;
      }
    })();
    expect(error?.problems.map((p) => p.message)).toEqual([
      'Metadata key "a" has the wrong type: expected u32: an integer in 0..4294967295, got -1.',
      'Metadata key "b" has the wrong type: expected u8: an integer in 0..255, got 1.5.',
      'Metadata key "c[1]" has the wrong type: expected u16: an integer in 0..65535, got 70000.',
    ]);
  });

  it("accepts raw bytes already in the tensor's type and checks their length", () => {
    const raw = encodeGguf(
      { metadata: {}, tensors: [{ name: "r", shape: [32], type: GgmlType.Q8_0, data: new Uint8Array(34) }] },
      { validate: "structure" },
    );
    expect(parseGguf(raw).tensors[0]?.byteLength).toBe(34);
    expect(() =>
      encodeGguf(
        { metadata: {}, tensors: [{ name: "r", shape: [32], type: GgmlType.Q8_0, data: new Uint8Array(33) }] },
        { validate: "structure" },
      ),
    ).toThrow(/expected 34 bytes of Q8_0, got 33/);
  });

  it("stops on an aborted signal before writing", async () => {
    const path = join(dir, "aborted.gguf");
    await expect(writeGguf(path, tinyModelSpec(), { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
    expect((await readdir(dir)).filter((f) => f.startsWith("aborted"))).toEqual([]);
  });
});

it("GgufShapeError names the tensor, the expected and the actual size", () => {
  const e = new GgufShapeError("t", "[2]", "[3]");
  expect(e.name).toBe("GgufShapeError");
  expect(e.message).toBe(
    'Tensor "t" has the wrong shape or size: expected [2], got [3]. Hint: ne[0] is the contiguous dim, so a row-major [out, in] matrix has ne [in, out] (transpose TF.js [in, out] kernels).',
  );
});
