import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BusyError, GenerationAbortedError, GenerationTimeoutError, InvalidOptionsError } from "./errors.js";
import { matchesConstraints, resolveConstraints } from "./grammar/resolveConstraints.js";
import type { LocalGenerator } from "./LocalGenerator.js";
import { loadRuntime, type Runtime } from "./loadRuntime.js";
import { type TinyModelFile, writeTinyModel } from "./testing/index.js";
import type { GeneratedSuggestion } from "./types.js";

let runtime: Runtime;
let tiny: TinyModelFile;
let generator: LocalGenerator;
const messages = [
  { role: "system", content: "You suggest domain names as JSON." },
  { role: "user", content: "A family bakery in Lyon that sells sourdough bread." },
] as const;

beforeAll(async () => {
  tiny = await writeTinyModel();
  runtime = await loadRuntime({ gpu: false, threads: 1 });
  const model = await runtime.loadModel({ modelPath: tiny.path });
  generator = await model.createGenerator({ sequences: 4 });
});

afterAll(async () => {
  await runtime?.dispose();
  await tiny?.dispose();
});

const constraintsArbitrary = fc.record({
  count: fc.integer({ min: 1, max: 20 }),
  tlds: fc.subarray(["com", "io", "ai", "co.uk", "xyz", "bakery"], { minLength: 1 }),
  maxLabelLength: fc.integer({ min: 3, max: 63 }),
  allowHyphens: fc.boolean(),
  allowDigits: fc.boolean(),
  mustInclude: fc.oneof(fc.constant([]), fc.subarray(["bake", "loaf", "rye"], { minLength: 1 })),
  allowBlocked: fc.boolean(),
  temperature: fc.constantFrom(0, 0.7, 1.5),
  seed: fc.integer({ min: 0, max: 2 ** 30 }),
});

describe("LocalGenerator", () => {
  it("60 random-constraint generations: every returned domain meets its constraints, lists are well-formed", async () => {
    let generations = 0;
    let domains = 0;
    await fc.assert(
      fc.asyncProperty(constraintsArbitrary, async (options) => {
        const streamed: GeneratedSuggestion[] = [];
        const result = await generator.generateSuggestions({
          ...options,
          messages: [...messages],
          maxTokens: 400,
          onSuggestion: (s) => streamed.push(s),
        });
        generations++;
        const c = resolveConstraints(options);
        expect(result.suggestions).toEqual(streamed);
        expect(result.suggestions.length).toBeLessThanOrEqual(options.count);
        for (const s of result.suggestions) {
          expect(matchesConstraints(s.domain, c), s.domain).toBe(true);
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          domains++;
        }
        if (result.finishReason === "stop") {
          const parsed = JSON.parse(result.text);
          expect(Object.keys(parsed)).toEqual(result.blocked ? ["suggestions", "status"] : ["suggestions"]);
          if (!options.allowBlocked) expect(result.blocked).toBe(false);
        }
      }),
      { numRuns: 60, seed: 42 },
    );
    expect(generations).toBe(60);
    expect(domains).toBeGreaterThan(60);
  }, 60_000);

  it("streams each suggestion before the list is finished", async () => {
    const events: string[] = [];
    const result = await generator.generateSuggestions({
      messages: [...messages],
      count: 5,
      seed: 3,
      allowBlocked: false,
      onSuggestion: (s) => events.push(`${s.domain}@${performance.now()}`),
    });
    expect(events.length).toBe(result.suggestions.length);
    expect(events.length).toBeGreaterThan(1);
    // Stopping at the first callback must cut the same (seeded) generation short: had the callbacks
    // fired only after decoding finished, the abort would come too late and every suggestion would arrive.
    const stop = new AbortController();
    const early: string[] = [];
    const stopped = generator.generateSuggestions({
      messages: [...messages],
      count: 5,
      seed: 3,
      allowBlocked: false,
      signal: stop.signal,
      onSuggestion: (s) => {
        early.push(s.domain);
        stop.abort();
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(GenerationAbortedError);
    expect(early).toEqual([events[0]?.split("@")[0]]);
  });

  it("maxTokens cuts the answer short without returning half a domain", async () => {
    const result = await generator.generateSuggestions({
      messages: [...messages],
      count: 20,
      maxTokens: 40,
      seed: 1,
      allowBlocked: false,
    });
    expect(result.finishReason).toBe("maxTokens");
    expect(result.tokens).toBe(40);
    for (const s of result.suggestions) expect(result.text).toContain(`"${s.domain}"`);
  });

  it("greedy decoding with the same prompt is deterministic", async () => {
    const a = await generator.generateSuggestions({ messages: [...messages], temperature: 0 });
    const b = await generator.generateSuggestions({ messages: [...messages], temperature: 0 });
    expect(b.text).toBe(a.text);
  });

  it("times out with GenerationTimeoutError", async () => {
    await expect(
      generator.generateSuggestions({ messages: [...messages], count: 20, maxTokens: 1500, timeoutMs: 1 }),
    ).rejects.toBeInstanceOf(GenerationTimeoutError);
  });

  it("aborts with GenerationAbortedError", async () => {
    const controller = new AbortController();
    const pending = generator.generateSuggestions({
      messages: [...messages],
      count: 20,
      maxTokens: 1500,
      signal: controller.signal,
      onSuggestion: () => controller.abort(),
      allowBlocked: false,
    });
    await expect(pending).rejects.toBeInstanceOf(GenerationAbortedError);
    // The sequence went back to the pool: the next call works.
    await expect(generator.generateSuggestions({ messages: [...messages] })).resolves.toHaveProperty("suggestions");
  });

  it("refuses with BusyError when every sequence is busy and the queue is full", async () => {
    const model = await runtime.loadModel({ modelPath: tiny.path });
    const small = await model.createGenerator({ sequences: 1, maxQueue: 2 });
    const calls = Array.from({ length: 6 }, (_, i) =>
      small.generateSuggestions({ messages: [...messages], count: 3, seed: i, maxTokens: 60 }),
    );
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(3);
    const refused = settled.filter((s) => s.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(BusyError);
    await model.dispose();
  });

  it("rejects bad options before any work", async () => {
    await expect(generator.generateSuggestions({ count: 3 })).rejects.toBeInstanceOf(InvalidOptionsError);
    await expect(generator.generateSuggestions({ prompt: "x", messages: [...messages] })).rejects.toBeInstanceOf(
      InvalidOptionsError,
    );
    await expect(generator.generateSuggestions({ prompt: "x", maxTokens: 0 })).rejects.toThrow(/maxTokens/);
    await expect(generator.generateSuggestions({ prompt: "x".repeat(5000) })).rejects.toThrow(/context size/);
    await expect(generator.generateSuggestions({ prompt: "x", count: 50 })).rejects.toThrow(/count/);
  });

  it("minCount keeps the model writing: every complete list has at least minCount items", async () => {
    let short = 0;
    let complete = 0;
    for (let seed = 0; seed < 10; seed++) {
      const free = await generator.generateSuggestions({
        messages: [...messages],
        count: 6,
        seed,
        maxTokens: 400,
        allowBlocked: false,
      });
      const held = await generator.generateSuggestions({
        messages: [...messages],
        count: 6,
        minCount: 6,
        seed,
        maxTokens: 400,
        allowBlocked: false,
      });
      if (free.finishReason === "stop" && JSON.parse(free.text).suggestions.length < 6) short++;
      if (held.finishReason !== "stop") continue;
      complete++;
      expect(JSON.parse(held.text).suggestions.length).toBe(6);
    }
    expect(complete).toBeGreaterThan(5);
    // The negative control: without minCount this model closes lists early.
    expect(short).toBeGreaterThan(0);
  }, 60_000);
});
