import { InvalidOptionsError, type LocalGenerator, loadRuntime, type Runtime } from "@nomen/metal-runtime";
import { type TinyModelFile, writeTinyModel } from "@nomen/metal-runtime/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMessages } from "../buildMessages.js";
import { createSuggester } from "../createSuggester.js";
import { ContextTooSmallError } from "../errors.js";
import { MAX_DESCRIPTION_LENGTH, resolveRequest } from "../request.js";
import type { PipelineStats } from "../runPipeline.js";
import { answerTokensFor, fitPrompt, itemsPerRound } from "./fitPrompt.js";

let tiny: TinyModelFile;
let runtime: Runtime;
let generator: LocalGenerator;

/** A 2,000-character description (the API's limit): sentences that repeat, with filler words. */
const longDescription = (() => {
  const sentences = [
    "We are an independent organic coffee shop in the heart of the old downtown district.",
    "We roast our own single origin beans every single morning in a small drum roaster.",
    "Our bakers make sourdough, croissants and cardamom buns in the back of the shop.",
    "We are an independent organic coffee shop in the heart of the old downtown district.",
    "On Friday nights there is live jazz, and on Sundays we run a latte art class for kids.",
  ];
  let text = "";
  for (let i = 0; text.length < MAX_DESCRIPTION_LENGTH; i++) text += `${sentences[i % sentences.length]} `;
  return text.slice(0, MAX_DESCRIPTION_LENGTH).trim();
})();

beforeAll(async () => {
  // A 1,024-token context, as the default byte-level model has: a 2,000-character description cannot fit whole.
  tiny = await writeTinyModel({ contextLength: 1024 });
  runtime = await loadRuntime({ gpu: false, threads: 1 });
  const model = await runtime.loadModel({ modelPath: tiny.path });
  generator = await model.createGenerator({ sequences: 1 });
});

afterAll(async () => {
  await runtime?.dispose();
  await tiny?.dispose();
});

describe("fitPrompt on a byte-level model with a 1,024-token context", () => {
  it("leaves a prompt that fits alone", () => {
    const request = resolveRequest({ business_description: "organic coffee shop downtown" });
    const fitted = fitPrompt(request, { generator, maxTokens: 512 });
    expect(fitted).toMatchObject({ maxTokens: 512, shortened: "none" });
    expect(fitted.messages).toEqual(buildMessages(request));
    expect(fitted.promptTokens).toBe(generator.countPromptTokens({ messages: fitted.messages }));
  });

  it("shortens a 2,000-character description to fit, keeping the answer budget the count needs", async () => {
    expect(longDescription).toHaveLength(MAX_DESCRIPTION_LENGTH);
    const request = resolveRequest({ business_description: longDescription, count: 20 });
    const whole = buildMessages(request);
    // The negative control: unfitted, the runtime refuses it.
    await expect(generator.generateSuggestions({ messages: whole, count: 20, maxTokens: 512 })).rejects.toThrow(
      InvalidOptionsError,
    );
    const fitted = fitPrompt(request, { generator, maxTokens: 512 });
    expect(fitted.shortened).not.toBe("none");
    const tokens = generator.countPromptTokens({ messages: fitted.messages });
    expect(tokens).toBe(fitted.promptTokens);
    expect(tokens + fitted.maxTokens).toBeLessThanOrEqual(generator.contextSize);
    expect(fitted.maxTokens).toBeGreaterThanOrEqual(answerTokensFor(request, itemsPerRound(20)));
    // Its sentences repeat: dropping the repeats is enough here.
    expect(fitted.shortened).toBe("duplicate-sentences");
    const user = fitted.messages.at(-1)?.content ?? "";
    expect(user.match(/We roast our own single origin beans/g)).toHaveLength(1);
    expect(user).toContain("live jazz");
    const result = await generator.generateSuggestions({
      messages: fitted.messages,
      count: 20,
      maxTokens: fitted.maxTokens,
      seed: 1,
    });
    expect(result.tokens).toBeLessThanOrEqual(fitted.maxTokens);
  });

  it("gives up answer slack before touching the description", () => {
    const description = longDescription.slice(0, 700);
    const request = resolveRequest({ business_description: description, count: 3 });
    const fitted = fitPrompt(request, { generator, maxTokens: 512 });
    expect(fitted.shortened).toBe("none");
    expect(fitted.maxTokens).toBeLessThan(512);
    expect(fitted.maxTokens).toBe(generator.contextSize - (fitted.promptTokens ?? 0));
    expect(fitted.maxTokens).toBeGreaterThanOrEqual(answerTokensFor(request, itemsPerRound(3)));
  });

  it("keeps the leading sentences of a long description without repeats", () => {
    const goods =
      "coffee tea cocoa honey jam bread cheese olives figs dates saffron vanilla pepper rice beans lentils oats";
    const places = "Kenya Japan Peru Greece Italy Spain India Mexico Turkey Vietnam Morocco Chile";
    let text = "";
    for (const good of goods.split(" ")) {
      for (const place of places.split(" ")) text += `We also sell ${good} that we import from ${place}. `;
    }
    const request = resolveRequest({ business_description: text.slice(0, MAX_DESCRIPTION_LENGTH) });
    const fitted = fitPrompt(request, {
      generator: { contextSize: 450, countPromptTokens: (input) => generator.countPromptTokens(input) },
      maxTokens: 512,
    });
    expect(fitted.shortened).toBe("leading-sentences");
    expect(fitted.messages.at(-1)?.content).toMatch(
      /^We also sell coffee that we import from Kenya\.( We also sell coffee that we import from [A-Za-z]+\.)+$/,
    );
    expect((fitted.promptTokens ?? 0) + fitted.maxTokens).toBeLessThanOrEqual(450);
  });

  it("fits 2,000 characters of text without spaces (Chinese: 3 bytes, 3 byte-level tokens, per character)", async () => {
    const chinese = "我們是市中心的一家有機咖啡店，每天早上自己烘焙咖啡豆，並供應手工麵包。"
      .repeat(60)
      .slice(0, MAX_DESCRIPTION_LENGTH);
    const request = resolveRequest({ business_description: chinese, count: 5 });
    const fitted = fitPrompt(request, { generator, maxTokens: 512 });
    expect(fitted.shortened).toBe("leading-characters");
    expect(chinese.startsWith(fitted.messages.at(-1)?.content ?? "-")).toBe(true);
    expect((fitted.promptTokens ?? 0) + fitted.maxTokens).toBeLessThanOrEqual(generator.contextSize);
    const result = await generator.generateSuggestions({
      messages: fitted.messages,
      count: 5,
      maxTokens: fitted.maxTokens,
      seed: 2,
    });
    expect(result.tokens).toBeGreaterThan(0);
  });

  it("shortens to the model's trained prompt length (promptTokenLimit) even when the context has room", () => {
    const request = resolveRequest({ business_description: longDescription.slice(0, 500), count: 5 });
    const count = (input: Parameters<typeof generator.countPromptTokens>[0]) => generator.countPromptTokens(input);
    const roomy = fitPrompt(request, { generator: { contextSize: 1024, countPromptTokens: count }, maxTokens: 256 });
    expect(roomy.shortened).toBe("none");
    const limit = 200;
    expect(roomy.promptTokens).toBeGreaterThan(limit);
    const fitted = fitPrompt(request, {
      generator: { contextSize: 1024, countPromptTokens: count, promptTokenLimit: limit },
      maxTokens: 256,
    });
    expect(fitted.shortened).not.toBe("none");
    expect(fitted.promptTokens).toBeLessThanOrEqual(limit);
    expect(fitted.maxTokens).toBe(256);
    expect(fitted.messages.at(-1)?.content).toMatch(/^We are an independent organic coffee shop/);
    // A prompt within the limit is left alone.
    const short = resolveRequest({ business_description: "organic coffee shop downtown" });
    const same = fitPrompt(short, {
      generator: { contextSize: 1024, countPromptTokens: count, promptTokenLimit: limit },
      maxTokens: 256,
    });
    expect(same).toMatchObject({ shortened: "none", messages: buildMessages(short) });
  });

  it("throws ContextTooSmallError when the system prompt alone fills the context", () => {
    const request = resolveRequest({ business_description: "organic coffee shop downtown" });
    const system = generator.countPromptTokens({ messages: buildMessages(request).slice(0, 1) });
    const tight = {
      contextSize: system,
      countPromptTokens: (input: { messages?: never }) => generator.countPromptTokens(input),
    };
    expect(() => fitPrompt(request, { generator: tight, maxTokens: 512 })).toThrow(ContextTooSmallError);
  });

  it("lets a generator without a tokenizer (remote) pass the prompt through", () => {
    const request = resolveRequest({ business_description: longDescription });
    const fitted = fitPrompt(request, { generator: {}, maxTokens: 512 });
    expect(fitted).toEqual({ messages: buildMessages(request), maxTokens: 512, shortened: "none" });
  });
});

describe("createSuggester with a 2,000-character description", () => {
  it("answers (never an error for an allowed length) and reports how the prompt was fitted", async () => {
    const suggester = await createSuggester({ model: tiny.path, gpu: false, sequences: 1, seed: 5 });
    try {
      const stats: PipelineStats = { rounds: 0, generated: 0, tokens: 0, dropped: {} };
      const response = await suggester.suggest({ business_description: longDescription, count: 5 }, { stats });
      expect(response.status).toBe("success");
      expect(stats.prompt?.shortened).not.toBe("none");
      expect((stats.prompt?.tokens ?? 0) + (stats.prompt?.maxTokens ?? 0)).toBeLessThanOrEqual(1024);
    } finally {
      await suggester.dispose();
    }
  });
});
