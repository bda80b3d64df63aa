import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenerationTimeoutError, InvalidOptionsError, RemoteBackendError } from "../errors.js";
import { matchesConstraints, resolveConstraints } from "../grammar/resolveConstraints.js";
import { type OpenAiServer, startOpenAiServer, type TinyModelFile, writeTinyModel } from "../testing/index.js";
import type { GeneratedSuggestion } from "../types.js";
import { createRemoteGenerator } from "./createRemoteGenerator.js";

let tiny: TinyModelFile;
let server: OpenAiServer;
const messages = [
  { role: "system", content: "You suggest domain names as JSON." },
  { role: "user", content: "A bike repair shop in Utrecht." },
] as const;

beforeAll(async () => {
  tiny = await writeTinyModel();
  server = await startOpenAiServer({ modelPath: tiny.path, apiKey: "sk-test" });
});

afterAll(async () => {
  await server?.close();
  await tiny?.dispose();
});

describe("createRemoteGenerator against a real OpenAI-compatible server on 127.0.0.1", () => {
  it.each(["grammar", "json_schema"] as const)("streams valid suggestions with constraint %s", async (constraint) => {
    const remote = createRemoteGenerator({ baseUrl: server.baseUrl, model: "tiny", apiKey: "sk-test", constraint });
    expect(remote.backend).toBe(`remote ${server.baseUrl}`);
    const streamed: GeneratedSuggestion[] = [];
    const request = { messages: [...messages], count: 4, tlds: ["com", "nl"], allowBlocked: false, seed: 5 };
    const result = await remote.generateSuggestions({ ...request, onSuggestion: (s) => streamed.push(s) });
    expect(result.suggestions).toEqual(streamed);
    const c = resolveConstraints(request);
    for (const s of result.suggestions) {
      expect(matchesConstraints(s.domain, c)).toBe(true);
      expect(s.rawConfidence).toBeGreaterThan(0); // from the server's logprobs
      expect(s.rawConfidence).toBeLessThanOrEqual(1);
    }
    if (constraint === "grammar") {
      expect(result.suggestions.length).toBeGreaterThan(0);
      expect(JSON.parse(result.text)).toHaveProperty("suggestions");
    }
    await remote.dispose();
  });

  it("is deterministic with greedy decoding", async () => {
    const remote = createRemoteGenerator({
      baseUrl: server.baseUrl,
      model: "tiny",
      apiKey: "sk-test",
      constraint: "grammar",
    });
    const a = await remote.generateSuggestions({ messages: [...messages], temperature: 0, count: 3 });
    const b = await remote.generateSuggestions({ messages: [...messages], temperature: 0, count: 3 });
    expect(b.text).toBe(a.text);
  });

  it("supports raw completions", async () => {
    const remote = createRemoteGenerator({
      baseUrl: server.baseUrl,
      model: "tiny",
      apiKey: "sk-test",
      constraint: "grammar",
    });
    const result = await remote.generateSuggestions({
      prompt: "<|im_start|>user\nbikes<|im_end|>\n<|im_start|>assistant\n",
      count: 2,
    });
    expect(result.text.startsWith('{"suggestions":[')).toBe(true);
  });

  it("reads the API key from the environment", async () => {
    process.env.NOMEN_TEST_KEY = "sk-test";
    const remote = createRemoteGenerator({
      baseUrl: server.baseUrl,
      model: "tiny",
      apiKeyEnv: "NOMEN_TEST_KEY",
      constraint: "grammar",
    });
    await expect(remote.generateSuggestions({ messages: [...messages], count: 1 })).resolves.toHaveProperty(
      "suggestions",
    );
    delete process.env.NOMEN_TEST_KEY;
    const keyless = createRemoteGenerator({ baseUrl: server.baseUrl, model: "tiny", apiKeyEnv: "NOMEN_TEST_KEY" });
    const error = await keyless.generateSuggestions({ messages: [...messages] }).catch((e) => e);
    expect(error).toBeInstanceOf(RemoteBackendError);
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/API key/);
  });

  it("retries 503 with backoff, then succeeds", async () => {
    const flaky = await startOpenAiServer({ modelPath: tiny.path, failFirst: 2 });
    const remote = createRemoteGenerator({
      baseUrl: flaky.baseUrl,
      model: "tiny",
      retryBaseMs: 10,
      constraint: "grammar",
    });
    const result = await remote.generateSuggestions({ messages: [...messages], count: 2 });
    expect(result.text.length).toBeGreaterThan(0);
    expect(flaky.requests).toBe(3);
    await flaky.close();
  });

  it("gives up after maxRetries with the last status", async () => {
    const down = await startOpenAiServer({ modelPath: tiny.path, failFirst: 100 });
    const remote = createRemoteGenerator({ baseUrl: down.baseUrl, model: "tiny", retryBaseMs: 1, maxRetries: 2 });
    const error = await remote.generateSuggestions({ messages: [...messages] }).catch((e) => e);
    expect(error).toBeInstanceOf(RemoteBackendError);
    expect(error.status).toBe(503);
    expect(down.requests).toBe(3);
    await down.close();
  });

  it("fails clearly when nothing listens", async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const remote = createRemoteGenerator({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      model: "x",
      retryBaseMs: 1,
      maxRetries: 1,
    });
    await expect(remote.generateSuggestions({ messages: [...messages] })).rejects.toThrow(/cannot reach.*2 attempts/);
  });

  it("times out a slow stream with GenerationTimeoutError", async () => {
    const slow = await startOpenAiServer({ modelPath: tiny.path, tokenDelayMs: 50 });
    const remote = createRemoteGenerator({ baseUrl: slow.baseUrl, model: "tiny" });
    await expect(remote.generateSuggestions({ messages: [...messages], timeoutMs: 300 })).rejects.toBeInstanceOf(
      GenerationTimeoutError,
    );
    await slow.close();
  });

  it("rejects a bad base URL", () => {
    expect(() => createRemoteGenerator({ baseUrl: "not a url", model: "x" })).toThrow(InvalidOptionsError);
  });

  it.each([
    ["maxConcurrent", 0],
    ["maxConcurrent", 1.5],
    ["maxQueue", -1],
    ["maxRetries", -1],
    ["maxRetries", Number.NaN],
    ["retryBaseMs", -5],
    ["retryBaseMs", Number.POSITIVE_INFINITY],
  ])("rejects %s = %s with a named InvalidOptionsError", (name, value) => {
    const create = () => createRemoteGenerator({ baseUrl: "http://127.0.0.1:9/v1", model: "x", [name]: value });
    expect(create).toThrow(InvalidOptionsError);
    expect(create).toThrow(new RegExp(`^${name} must be .*got ${value}`));
  });

  it("sends user:pass@ from baseUrl as Basic auth, never in the URL or the error", async () => {
    const seen: { authorization?: string; url?: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ authorization: req.headers.authorization, url: req.url });
      res.writeHead(401).end("no");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const remote = createRemoteGenerator({ baseUrl: `http://alice:s%40cret@127.0.0.1:${port}/v1`, model: "x" });
    const error = await remote.generateSuggestions({ messages: [...messages] }).catch((e) => e);
    await new Promise<void>((r) => server.close(() => r()));
    expect(error).toBeInstanceOf(RemoteBackendError);
    expect(String(error.message)).not.toMatch(/alice|cret/);
    expect(seen[0]).toEqual({
      authorization: `Basic ${Buffer.from("alice:s@cret").toString("base64")}`,
      url: "/v1/chat/completions",
    });
  });

  it("never shows user:pass@ credentials from baseUrl in backend", () => {
    const remote = createRemoteGenerator({ baseUrl: "https://alice:s3cret@llm.example.com/v1", model: "x" });
    expect(remote.backend).toBe("remote https://llm.example.com/v1");
    expect(remote.backend).not.toMatch(/alice|s3cret/);
  });
});
