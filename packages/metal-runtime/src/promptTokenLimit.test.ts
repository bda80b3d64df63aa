import { f32, u32 } from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelFileError } from "./errors.js";
import { loadRuntime, type Runtime } from "./loadRuntime.js";
import { PROMPT_TOKEN_LIMIT_KEY } from "./promptTokenLimit.js";
import { type TinyModelFile, writeTinyModel } from "./testing/index.js";

describe("nomen.prompt.max_tokens", () => {
  let runtime: Runtime;
  const files: TinyModelFile[] = [];
  const write = async (metadata: NonNullable<Parameters<typeof writeTinyModel>[0]>["metadata"]) => {
    const file = await writeTinyModel({ metadata });
    files.push(file);
    return file.path;
  };
  beforeAll(async () => {
    runtime = await loadRuntime({ gpu: false, threads: 1 });
  });
  afterAll(async () => {
    await runtime?.dispose();
    for (const file of files) await file.dispose();
  });

  it("is the generator's promptTokenLimit when the model's GGUF sets it, and undefined when it does not", async () => {
    const limited = await runtime.loadModel({ modelPath: await write({ [PROMPT_TOKEN_LIMIT_KEY]: u32(96) }) });
    await using generator = await limited.createGenerator({ contextSize: 256 });
    expect(generator.promptTokenLimit).toBe(96);
    expect(generator.contextSize).toBe(256);
    const plain = await runtime.loadModel({ modelPath: await write({}) });
    await using unlimited = await plain.createGenerator({ contextSize: 256 });
    expect(unlimited.promptTokenLimit).toBeUndefined();
  });

  it.each([
    ["a float32", f32(96)],
    ["zero", u32(0)],
  ])("rejects %s as a ModelFileError naming the key, before llama.cpp opens the file", async (_, value) => {
    const path = await write({ [PROMPT_TOKEN_LIMIT_KEY]: value });
    const error = await runtime.loadModel({ modelPath: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as Error).message).toContain(PROMPT_TOKEN_LIMIT_KEY);
  });
});
