import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GgufValidationError } from "./errors.js";
import { openGguf } from "./openGguf.js";
import { tinyModelSpec } from "./tinyModel/tinyModelSpec.js";
import type { GgufMetadata } from "./types.js";
import { validateGgufFile, validateModelMetadata } from "./validate/validateModelMetadata.js";
import { f32, str, u32 } from "./values.js";
import { writeGguf } from "./writeGguf.js";

// Why validation exists: these files abort the llama.cpp process (SIGABRT), which no try/catch can stop.
// Each one is loaded in a child process to prove the abort, and validated in this one to prove we catch it first.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nomen-gguf-abort-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// node-llama-cpp cannot find its binary from `node -e`, so the child runs a script file that imports it by path.
const llamaEntry = pathToFileURL(createRequire(import.meta.url).resolve("node-llama-cpp")).href;

function loadInChild(model: string, lora?: string) {
  const scriptPath = join(dir, "load.mjs");
  const script = `
    import { getLlama } from ${JSON.stringify(llamaEntry)};
    const llama = await getLlama({ gpu: false, build: "never", logLevel: "disabled" });
    const model = await llama.loadModel({ modelPath: ${JSON.stringify(model)} });
    await model.createContext({ threads: 1, contextSize: 64 ${lora ? `, lora: ${JSON.stringify(lora)}` : ""} });
    console.log("loaded");`;
  writeFileSync(scriptPath, script);
  return spawnSync(process.execPath, [scriptPath], { encoding: "utf8", timeout: 50_000 });
}

const without = (metadata: GgufMetadata, key: string) =>
  Object.fromEntries(Object.entries(metadata).filter(([k]) => k !== key));

describe("files that abort llama.cpp are caught by validation first", () => {
  it.each(["llama.feed_forward_length", "llama.attention.head_count"])("a model without %s", async (key) => {
    const spec = tinyModelSpec();
    const path = join(dir, `${key}.gguf`);
    await writeGguf(path, { ...spec, metadata: without(spec.metadata, key) }, { validate: "structure" });
    const file = await openGguf(path);
    expect(() => validateGgufFile(file)).toThrow(GgufValidationError);
    expect(() => validateGgufFile(file)).toThrow(
      new RegExp(`Missing metadata key "${key.replace(/\./g, "\\.")}"\\. Without it llama\\.cpp aborts`),
    );
    const child = loadInChild(path);
    expect(`${child.signal ?? child.status}`, child.stderr.slice(-500)).toMatch(/SIGABRT|134/);
    expect(child.stdout).not.toContain("loaded");
  });

  it("a LoRA adapter whose alpha is u32", async () => {
    const spec = tinyModelSpec();
    const base = join(dir, "base.gguf");
    await writeGguf(base, spec);
    const adapter = join(dir, "adapter.gguf");
    const metadata = {
      "general.architecture": str("llama"),
      "general.type": str("adapter"),
      "adapter.type": str("lora"),
      "adapter.lora.alpha": u32(8),
    };
    const tensors = [
      { name: "blk.0.attn_q.weight.lora_a", shape: [64, 4], type: 0 as const, data: new Float32Array(256).fill(0.01) },
      { name: "blk.0.attn_q.weight.lora_b", shape: [4, 64], type: 0 as const, data: new Float32Array(256).fill(0.01) },
    ];
    await writeGguf(adapter, { metadata, tensors }, { validate: "structure" });
    expect(() =>
      validateModelMetadata(metadata, { tensors, base: { tensors: spec.tensors, architecture: "llama" } }),
    ).toThrow(/adapter\.lora\.alpha" has the wrong type: expected f32, got u32/);
    const child = loadInChild(base, adapter);
    expect(`${child.signal ?? child.status}`, child.stderr.slice(-500)).toMatch(/SIGABRT|134/);
    // The same adapter with an f32 alpha validates and loads.
    await writeGguf(adapter, { metadata: { ...metadata, "adapter.lora.alpha": f32(8) }, tensors });
    const ok = loadInChild(base, adapter);
    expect(ok.stdout).toContain("loaded");
  });
});
