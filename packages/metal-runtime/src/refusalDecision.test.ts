import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { f32, u32 } from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdapterMismatchError, GenerationAbortedError, InvalidOptionsError } from "./errors.js";
import type { LocalModel } from "./LocalModel.js";
import { loadRuntime, type Runtime } from "./loadRuntime.js";
import { DECISION_PREFIX, REFUSAL_BIAS_KEY } from "./refusalDecision.js";
import { type TinyModelFile, writeTinyAdapter, writeTinyModel } from "./testing/index.js";

let runtime: Runtime;
let tiny: TinyModelFile;
let model: LocalModel;
let dir: string;
const messages = [
  { role: "system", content: "Suggest domain names for this business. Reply in JSON." },
  { role: "user", content: "a bakery that sells sourdough bread" },
] as const;
const ask = { messages: [...messages], temperature: 0, count: 8, maxTokens: 300, allowBlocked: true } as const;

beforeAll(async () => {
  tiny = await writeTinyModel();
  dir = await mkdtemp(join(tmpdir(), "nomen-refusal-"));
  runtime = await loadRuntime({ gpu: false, threads: 1 });
  model = await runtime.loadModel({ modelPath: tiny.path });
});

afterAll(async () => {
  await runtime?.dispose();
  await tiny?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("refusal decision", () => {
  it("greedy decoding refuses exactly when score + refusalBias > 0, and the bias changes nothing else", async () => {
    await using plain = await model.createGenerator();
    const score = await plain.scoreRefusal({ messages: [...messages] });
    expect(Number.isFinite(score)).toBe(true);
    expect((await plain.generateSuggestions(ask)).blocked).toBe(score > 0);
    await using refusing = await model.createGenerator({ refusalBias: 2 - score });
    await using answering = await model.createGenerator({ refusalBias: -2 - score });
    const refused = await refusing.generateSuggestions(ask);
    expect(refused.blocked).toBe(true);
    expect(refused.text).toBe('{"suggestions":[],"status":"blocked"}');
    const answered = await answering.generateSuggestions(ask);
    expect(answered.blocked).toBe(false);
    // Past the decision point the bias is gone: the list (and where it closes with "]") is the one the model writes
    // when the grammar forbids the refusal outright.
    const forbidden = await plain.generateSuggestions({ ...ask, allowBlocked: false });
    expect(answered.text).toBe(forbidden.text);
    expect(answered.text.startsWith(DECISION_PREFIX)).toBe(true);
    // The score is the model's own, before any bias.
    expect(await refusing.scoreRefusal({ messages: [...messages] })).toBeCloseTo(score, 4);
  });

  it("reads the adapter's nomen.decision.refusal_bias; adapters add up; an explicit refusalBias wins", async () => {
    const a = await writeTinyAdapter({ path: join(dir, "a.gguf"), metadata: { [REFUSAL_BIAS_KEY]: f32(1.5) } });
    const b = await writeTinyAdapter({
      path: join(dir, "b.gguf"),
      seed: 2,
      metadata: { [REFUSAL_BIAS_KEY]: f32(-0.5) },
    });
    const none = await writeTinyAdapter({ path: join(dir, "none.gguf"), seed: 3 });
    await using one = await model.createGenerator({ adapters: [{ path: a }, { path: none }] });
    expect(one.refusalBias).toBe(1.5);
    await using two = await model.createGenerator({ adapters: [{ path: a }, { path: b }] });
    expect(two.refusalBias).toBe(1);
    await using explicit = await model.createGenerator({ adapters: [{ path: a }], refusalBias: -3 });
    expect(explicit.refusalBias).toBe(-3);
    await using base = await model.createGenerator();
    expect(base.refusalBias).toBe(0);
  });

  it("rejects a refusal bias of the wrong type in the adapter, and a non-finite option", async () => {
    const wrong = await writeTinyAdapter({ path: join(dir, "wrong.gguf"), metadata: { [REFUSAL_BIAS_KEY]: u32(2) } });
    await expect(model.createGenerator({ adapters: [{ path: wrong }] })).rejects.toThrow(AdapterMismatchError);
    await expect(model.createGenerator({ adapters: [{ path: wrong }] })).rejects.toThrow(
      /refusal_bias must be a finite float32, got u32/,
    );
    await expect(model.createGenerator({ refusalBias: Number.NaN })).rejects.toThrow(InvalidOptionsError);
  });

  it("scoring with an aborted signal is a GenerationAbortedError, and the sequence is free again after it", async () => {
    await using one = await model.createGenerator({ sequences: 1 });
    const aborted = AbortSignal.abort(new Error("caller gave up"));
    await expect(one.scoreRefusal({ messages: [...messages], signal: aborted })).rejects.toThrow(
      GenerationAbortedError,
    );
    expect(Number.isFinite(await one.scoreRefusal({ messages: [...messages] }))).toBe(true);
  });

  it("scoring a prompt longer than the context is an InvalidOptionsError, not an engine failure", async () => {
    await using small = await model.createGenerator({ contextSize: 256 });
    const long = [{ role: "user" as const, content: "bakery ".repeat(60) }];
    await expect(small.scoreRefusal({ messages: long })).rejects.toThrow(InvalidOptionsError);
    await expect(small.scoreRefusal({ messages: long })).rejects.toThrow(/exceed the context size \d+/);
  });
});
