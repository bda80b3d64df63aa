import { InvalidRequestError, MAX_DESCRIPTION_LENGTH, resolveRequest, SUGGEST_STYLES } from "@nomen/suggest";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "./config.js";
import { createApp } from "./createApp.js";
import { ApiConfigError } from "./errors.js";
import { requestLimits, suggestBodySchema, suggestQuerySchema } from "./schemas.js";
import { createFakeAvailability, createFakeSuggester } from "./testing.js";
import { suggestStyles } from "./types.js";

const body = suggestBodySchema(defaultConfig.maxDescriptionLength);
const query = suggestQuerySchema(defaultConfig.maxDescriptionLength);

/** Whether `@nomen/suggest` accepts the request (its own validation, no model). */
function pipelineAccepts(request: Record<string, unknown>): boolean {
  try {
    resolveRequest(request);
    return true;
  } catch (error) {
    if (error instanceof InvalidRequestError) return false;
    throw error;
  }
}

const letters = (n: number) => "a".repeat(n);
const many = (n: number) => Array.from({ length: n }, (_, i) => `w${letters(i + 1)}`);

describe("the API's request schema matches @nomen/suggest", () => {
  it("uses the pipeline's styles and description cap", () => {
    expect(suggestStyles).toEqual(SUGGEST_STYLES);
    expect(defaultConfig.maxDescriptionLength).toBe(MAX_DESCRIPTION_LENGTH);
    expect(() => parseConfig({ ...defaultConfig, maxDescriptionLength: MAX_DESCRIPTION_LENGTH + 1 })).toThrow(
      ApiConfigError,
    );
  });

  it.each([
    ["a word of the longest length", { exclude: [letters(requestLimits.wordLength)] }],
    ["a word one longer", { exclude: [letters(requestLimits.wordLength + 1)] }],
    ["the most include words", { include: many(requestLimits.includeWords).map((w) => w.slice(0, 12)) }],
    ["one include word more", { include: many(requestLimits.includeWords + 1).map((w) => w.slice(0, 12)) }],
    ["the most exclude words", { exclude: many(requestLimits.excludeWords) }],
    ["one exclude word more", { exclude: many(requestLimits.excludeWords + 1) }],
    ["the most TLDs", { tlds: Array.from({ length: requestLimits.tlds }, () => "com") }],
    ["one TLD more", { tlds: Array.from({ length: requestLimits.tlds + 1 }, () => "com") }],
    ["the longest description", { business_description: `bakery ${letters(MAX_DESCRIPTION_LENGTH - 7)}` }],
    ["a description one longer", { business_description: `bakery ${letters(MAX_DESCRIPTION_LENGTH - 6)}` }],
  ])("accepts and refuses alike: %s", (_, fields) => {
    const request = { business_description: "organic bakery", ...fields };
    const apiAccepts = body.safeParse(request).success;
    expect(apiAccepts).toBe(pipelineAccepts(body.safeParse(request).data ?? request));
    const asQuery = Object.fromEntries(
      Object.entries(request).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : String(value)]),
    );
    expect(query.safeParse(asQuery).success).toBe(apiAccepts);
  });

  it("takes public suffixes (co.uk, Unicode) in ASCII form and refuses what is not a TLD", () => {
    const parsed = body.parse({ business_description: "bakery", tlds: ["COM", ".io", "co.uk", "рф"] });
    expect(parsed.tlds).toEqual(["com", "io", "co.uk", "xn--p1ai"]);
    for (const bad of ["1com", "-bad", "example.com", "notatld", "", "co..uk"]) {
      expect(body.safeParse({ business_description: "bakery", tlds: [bad] }).success, bad).toBe(false);
    }
  });
});

describe("invalid TLDs over HTTP", () => {
  const app = createApp({
    suggester: createFakeSuggester(),
    availability: createFakeAvailability(),
    ready: () => true,
    logger: pino({ level: "silent" }),
    processMetrics: false,
  });

  it("answers 422 naming the TLD, in the body and in the stream query", async () => {
    const res = await app.request("/v1/suggestions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ business_description: "bakery", tlds: ["com", "1com"] }),
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors[0]).toMatchObject({ path: "tlds.1", message: expect.stringContaining('"1com"') });
    const stream = await app.request("/v1/suggestions/stream?business_description=bakery&tlds=com,1com");
    expect(stream.status).toBe(422);
  });
});
