import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdapterMismatchError, DisposedError, ModelFileError } from "./errors.js";
import { loadRuntime, type Runtime } from "./loadRuntime.js";
import { writeTinyAdapter, writeTinyModel } from "./testing/index.js";

let runtime: Runtime;
let dir: string;
let good: string;

beforeAll(async () => {
  runtime = await loadRuntime({ gpu: false, threads: 1 });
  dir = await mkdtemp(join(tmpdir(), "nomen-mr-"));
  good = (await writeTinyModel({ path: join(dir, "good.gguf") })).path;
});

afterAll(async () => {
  await runtime?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("loadRuntime", () => {
  it("reports the backend it picked", () => {
    expect(runtime.backend).toMatchObject({ gpu: false, name: "llama.cpp cpu", threads: 1, buildType: "prebuilt" });
    expect(runtime.backend.cpuMathCores).toBeGreaterThanOrEqual(1);
  });
});

describe("loadModel rejects bad files with a typed error, and the process stays up", () => {
  it("unknown path", async () => {
    await expect(runtime.loadModel({ modelPath: join(dir, "missing.gguf") })).rejects.toThrow(/no such file/);
    await expect(runtime.loadModel({ modelPath: join(dir, "missing.gguf") })).rejects.toBeInstanceOf(ModelFileError);
  });

  it("a directory", async () => {
    await expect(runtime.loadModel({ modelPath: dir })).rejects.toBeInstanceOf(ModelFileError);
  });

  it("a file that is not GGUF", async () => {
    const path = join(dir, "weights.safetensors.gguf");
    await writeFile(path, Buffer.from('{"__metadata__":{}} not a gguf at all, just bytes'.repeat(20)));
    await expect(runtime.loadModel({ modelPath: path })).rejects.toThrow(/GGUF/);
  });

  it.each([0.5, 0.9, 0.999])("a GGUF truncated to %f of its size", async (fraction) => {
    const bytes = await readFile(good);
    const path = join(dir, `truncated-${fraction}.gguf`);
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
    await expect(runtime.loadModel({ modelPath: path })).rejects.toBeInstanceOf(ModelFileError);
  });

  it("a GGUF with random bytes over its header", async () => {
    const bytes = Buffer.from(await readFile(good));
    for (let i = 8; i < 200; i++) bytes[i] = (i * 7919) & 0xff;
    const path = join(dir, "corrupt.gguf");
    await writeFile(path, bytes);
    await expect(runtime.loadModel({ modelPath: path })).rejects.toBeInstanceOf(ModelFileError);
  });

  it.each(["qwen2.attention.head_count", "qwen2.feed_forward_length"])(
    "a GGUF without %s (llama.cpp would abort the process)",
    async (key) => {
      // Rename the key in a valid file (same length), so the file is otherwise intact.
      const bytes = Buffer.from(await readFile(good));
      bytes.write(key.replace(/.$/, "X"), bytes.indexOf(Buffer.from(`${key}\u0004`)));
      const path = join(dir, `no-${key}.gguf`);
      await writeFile(path, bytes);
      await expect(runtime.loadModel({ modelPath: path })).rejects.toThrow(key);
    },
  );

  it("an i32 context length (llama.cpp wants u32)", async () => {
    const bytes = Buffer.from(await readFile(good));
    const key = Buffer.from("qwen2.context_length");
    const at = bytes.indexOf(key) + key.length;
    expect(bytes.readUInt32LE(at)).toBe(4); // u32 type id
    bytes.writeUInt32LE(5, at); // i32: wrong type, same size
    const path = join(dir, "i32-context.gguf");
    await writeFile(path, bytes);
    await expect(runtime.loadModel({ modelPath: path })).rejects.toBeInstanceOf(ModelFileError);
  });
});

describe("adapters", () => {
  it("loads the base and a LoRA context side by side; they answer differently", async () => {
    const model = await runtime.loadModel({ modelPath: good });
    const adapter = await writeTinyAdapter({ path: join(dir, "lora.gguf"), alpha: 64 });
    const base = await model.createGenerator();
    const tuned = await model.createGenerator({ adapters: [{ path: adapter }] });
    expect(tuned.backend).toBe("llama.cpp cpu + 1 LoRA");
    const ask = {
      prompt: "<|im_start|>user\nbakery<|im_end|>\n<|im_start|>assistant\n",
      temperature: 0,
      count: 3,
    } as const;
    const [a, b] = await Promise.all([base.generateSuggestions(ask), tuned.generateSuggestions(ask)]);
    expect(a.text).not.toBe(b.text);
    expect((await base.generateSuggestions(ask)).text).toBe(a.text);
    await model.dispose();
  });

  it("rejects an adapter for another architecture before llama.cpp sees it", async () => {
    const model = await runtime.loadModel({ modelPath: good });
    const adapter = await writeTinyAdapter({ path: join(dir, "llama-lora.gguf"), architecture: "llama" });
    await expect(model.createGenerator({ adapters: [{ path: adapter }] })).rejects.toBeInstanceOf(AdapterMismatchError);
    await expect(model.createGenerator({ adapters: [{ path: adapter }] })).rejects.toThrow(/llama.*qwen2/);
    await model.dispose();
  });

  it("rejects an adapter for a wider model, a u32 alpha, and a base model passed as adapter", async () => {
    const model = await runtime.loadModel({ modelPath: good });
    const wide = await writeTinyAdapter({ path: join(dir, "wide-lora.gguf"), dim: 128 });
    await expect(model.createGenerator({ adapters: [{ path: wide }] })).rejects.toBeInstanceOf(AdapterMismatchError);
    const alphaU32 = Buffer.from(await readFile(await writeTinyAdapter({ path: join(dir, "a.gguf") })));
    const key = Buffer.from("adapter.lora.alpha");
    alphaU32.writeUInt32LE(4, alphaU32.indexOf(key) + key.length); // f32 → u32 aborts llama.cpp
    await writeFile(join(dir, "alpha-u32.gguf"), alphaU32);
    await expect(model.createGenerator({ adapters: [{ path: join(dir, "alpha-u32.gguf") }] })).rejects.toThrow(/alpha/);
    await expect(model.createGenerator({ adapters: [{ path: good }] })).rejects.toBeInstanceOf(AdapterMismatchError);
    await model.dispose();
  });
});

describe("dispose chain", () => {
  it("runtime → model → generator: everything refuses work afterwards", async () => {
    const own = await loadRuntime({ gpu: false, threads: 1 });
    const model = await own.loadModel({ modelPath: good });
    const generator = await model.createGenerator({ sequences: 2 });
    await own.dispose();
    expect(own.disposed).toBe(true);
    expect(model.disposed).toBe(true);
    await expect(generator.generateSuggestions({ prompt: "x" })).rejects.toBeInstanceOf(DisposedError);
    await expect(model.createGenerator()).rejects.toBeInstanceOf(DisposedError);
    await expect(own.loadModel({ modelPath: good })).rejects.toBeInstanceOf(DisposedError);
  });
});
