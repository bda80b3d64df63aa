import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidOptionsError } from "./errors.js";
import type { LocalGenerator } from "./LocalGenerator.js";
import { loadRuntime, type Runtime } from "./loadRuntime.js";
import { type TinyModelFile, writeTinyModel } from "./testing/index.js";
import { TIMING_CHANNEL, type TimingEvent } from "./timing.js";

let runtime: Runtime;
let tiny: TinyModelFile;
let generator: LocalGenerator;

beforeAll(async () => {
  tiny = await writeTinyModel({ contextLength: 256 });
  runtime = await loadRuntime({ gpu: false, threads: 1 });
  const model = await runtime.loadModel({ modelPath: tiny.path });
  generator = await model.createGenerator({ sequences: 1 });
});

afterAll(async () => {
  await runtime?.dispose();
  await tiny?.dispose();
});

const messages = (user: string) => [
  { role: "system" as const, content: "You suggest domain names as JSON." },
  { role: "user" as const, content: user },
];

describe("LocalGenerator.countPromptTokens", () => {
  it("is exactly the prompt length generateSuggestions checks against the context", async () => {
    expect(generator.contextSize).toBe(256);
    const prompt = messages("A family bakery in Lyon that sells sourdough bread.");
    const tokens = generator.countPromptTokens({ messages: prompt });
    // Byte-level vocab: at least one token per character of the user turn, plus the ChatML markers.
    expect(tokens).toBeGreaterThan(50);
    const fits = generator.contextSize - tokens;
    await expect(
      generator.generateSuggestions({ messages: prompt, count: 1, maxTokens: fits + 1, seed: 1 }),
    ).rejects.toThrow(InvalidOptionsError);
    const result = await generator.generateSuggestions({ messages: prompt, count: 1, maxTokens: fits, seed: 1 });
    expect(result.tokens).toBeLessThanOrEqual(fits);
  });

  it("counts raw prompts and grows with the text", () => {
    const short = generator.countPromptTokens({ messages: messages("bakery") });
    const long = generator.countPromptTokens({ messages: messages("bakery and coffee roastery") });
    expect(long - short).toBe(" and coffee roastery".length);
    expect(generator.countPromptTokens({ prompt: "<|im_start|>user\nhi" })).toBe(1 + "user\nhi".length);
  });
});

describe("timing marks", () => {
  it("publishes generate:start, first token and end on the nomen:timing channel only to subscribers", async () => {
    const events: TimingEvent[] = [];
    const listener = (event: unknown) => events.push(event as TimingEvent);
    subscribe(TIMING_CHANNEL, listener);
    try {
      await generator.generateSuggestions({ messages: messages("a bakery"), count: 2, maxTokens: 60, seed: 3 });
    } finally {
      unsubscribe(TIMING_CHANNEL, listener);
    }
    expect(events.map((e) => e.name)).toEqual(["generate:start", "generate:first-token", "generate:end"]);
    expect(events[0]?.detail?.promptTokens).toBe(generator.countPromptTokens({ messages: messages("a bakery") }));
    const times = events.map((e) => e.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    await generator.generateSuggestions({ messages: messages("a bakery"), count: 1, maxTokens: 20, seed: 3 });
    expect(events).toHaveLength(3);
  });
});
