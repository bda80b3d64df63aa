import { type GenerateSuggestionsOptions, resolveConstraints, type SuggestionGenerator } from "@nomen/metal-runtime";
import { createSuggester, SUGGEST_STYLES } from "@nomen/suggest";
import fc from "fast-check";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { apiRoutes, createApp } from "./createApp.js";
import { createFakeAvailability, createFakeSuggester } from "./testing.js";

const app = createApp({
  suggester: createFakeSuggester(),
  availability: createFakeAvailability(),
  ready: () => true,
  logger: pino({ level: "silent" }),
  processMetrics: false,
  config: { rateLimit: { perMinute: 1e9, burst: 1e9 }, requestTimeoutMs: 2_000, bodyLimitBytes: 4096 },
});

const paths = apiRoutes;
const unicode = fc.string({ unit: "grapheme", maxLength: 80 });
const anyText = fc.oneof(unicode, fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 30 }));

/** Bodies near the schema (so validation paths past the first field get exercised) and far from it. */
const suggestLike = fc.record(
  {
    business_description: fc.oneof(
      unicode,
      fc.string({ unit: "binary", minLength: 4000, maxLength: 5000 }),
      fc.jsonValue(),
    ),
    count: fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double(), fc.jsonValue()),
    tlds: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom("com", ".IO", "xn--p1ai", "-bad"), unicode), { maxLength: 25 }),
      fc.jsonValue(),
    ),
    style: fc.oneof(fc.constantFrom("brandable", "short", "any"), unicode),
    max_length: fc.oneof(fc.integer({ min: -1, max: 100 }), fc.jsonValue()),
    include: fc.array(unicode, { maxLength: 25 }),
    exclude: fc.array(unicode, { maxLength: 60 }),
    check_availability: fc.oneof(fc.boolean(), fc.jsonValue()),
    domains: fc.oneof(fc.array(unicode, { maxLength: 60 }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  suggestLike.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  anyText,
  fc.constant(undefined),
);
const query = fc.oneof(
  fc.constant(""),
  suggestLike.map(
    (value) =>
      `?${new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString()}`,
  ),
  anyText.map((text) => `?business_description=${encodeURIComponent(text)}&${text}`),
);
/** Header names and values a real client can send (HTTP tokens; Latin-1 visible text), Unicode included as mojibake. */
const headerValue = fc.oneof(
  fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-16", "multipart/form-data", ""),
  fc.stringMatching(/^[\x20-\x7e\x80-\xff]{0,120}$/),
  unicode.map((text) =>
    Buffer.from(text)
      .toString("latin1")
      .replace(/[^\x20-\x7e\x80-\xff]/g, ""),
  ),
);
const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom("content-type", "x-request-id", "origin", "x-forwarded-for", "accept", "content-encoding"),
    fc.stringMatching(/^[a-z0-9!#$%&'*+.^_`|~-]{1,20}$/),
  ),
  headerValue,
  { maxKeys: 4 },
);
const request = fc.record({
  method: fc.constantFrom("GET", "POST", "POST", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"),
  path: fc.oneof(
    fc.constantFrom(...paths),
    unicode.map((text) => `/${encodeURIComponent(text)}`),
  ),
  query,
  headers,
  body,
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** Builds the Request a client could actually send; undefined for combinations fetch itself refuses. */
function toRequest(input: FuzzRequest) {
  try {
    const hasBody = input.method !== "GET" && input.method !== "HEAD" && input.body !== undefined;
    return new Request(`http://localhost${input.path}${input.query}`, {
      method: input.method,
      headers: input.headers,
      body: hasBody ? input.body : undefined,
    });
  } catch {
    return undefined;
  }
}

describe("fuzz: random bodies, headers and Unicode", () => {
  it("never answers 5xx, never hangs, and every error is one problem-details shape", async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const req = toRequest(input);
        if (!req) return;
        sent += 1;
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("request hung for 10 s")), 10_000);
        });
        const res = await Promise.race([app.request(req), hang]).finally(() => clearTimeout(timer));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400 && input.method !== "HEAD") {
          expect(res.headers.get("content-type")).toBe("application/problem+json");
          const problem = (await res.json()) as Record<string, unknown>;
          expect(problem).toMatchObject({ status: res.status, title: expect.any(String), detail: expect.any(String) });
          expect(problem.type).toMatch(/^urn:nomen:problem:[a-z-]+$/);
        } else {
          await res.arrayBuffer();
        }
      }),
      { numRuns: 5_000, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
    expect(sent).toBeGreaterThan(4_500);
  }, 120_000);
});

/**
 * A generator that answers through the real contract: it checks the constraints with metal-runtime's own
 * `resolveConstraints` (what the llama.cpp generator does before sampling, throwing `InvalidOptionsError`), then
 * writes names that meet them, streaming each through `onSuggestion`.
 */
function scriptedGenerator(): SuggestionGenerator {
  return {
    backend: "scripted",
    async generateSuggestions(options: GenerateSuggestionsOptions) {
      const c = resolveConstraints(options);
      const suggestions = Array.from({ length: c.count }, (_, index) => {
        const stem = `${c.mustInclude[index % Math.max(1, c.mustInclude.length)] ?? ""}brand`;
        const tail = "abcdefghijklmnopqrstuvwxyz"[index % 26] ?? "a";
        const label = `${stem}${tail}`.slice(0, c.maxLabelLength);
        return { index, domain: `${label}.${c.tlds[index % c.tlds.length]}`, confidence: 0.8, rawConfidence: 0.8 };
      });
      for (const suggestion of suggestions) options.onSuggestion?.(suggestion);
      const text = JSON.stringify({ suggestions: suggestions.map((s) => s.domain) });
      return { suggestions, blocked: false, text, tokens: 20, finishReason: "stop" };
    },
    dispose: async () => {},
    [Symbol.asyncDispose]: async () => {},
  };
}

/** Requests close to valid, so they get past the schema into the real pipeline. */
const nearValid = fc.record(
  {
    business_description: fc.oneof(
      fc.constantFrom("organic coffee shop downtown", "A bakery in Lyon", "Café für Kinder", "ai legal research"),
      unicode,
    ),
    count: fc.integer({ min: 0, max: 21 }),
    tlds: fc.array(
      fc.constantFrom(
        "com",
        "io",
        "co.uk",
        "1com",
        "xn--p1ai",
        "рф",
        "COM",
        ".dev",
        "com.",
        "-x",
        "ai",
        "a".repeat(64),
      ),
      { minLength: 0, maxLength: 4 },
    ),
    style: fc.constantFrom(...SUGGEST_STYLES, "loud"),
    max_length: fc.integer({ min: 0, max: 64 }),
    include: fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9 _-]{1,12}$/), unicode), { maxLength: 3 }),
    exclude: fc.array(fc.stringMatching(/^[a-z0-9 -]{1,12}$/), { maxLength: 3 }),
    check_availability: fc.boolean(),
    allow_hyphens: fc.boolean(),
    allow_digits: fc.boolean(),
    language: fc.constantFrom("en", "pt-BR", "fr", "x"),
  },
  { requiredKeys: ["business_description"] },
);

describe("fuzz: the real @nomen/suggest pipeline behind the API (scripted generator)", () => {
  it("maps every pipeline refusal to a 4xx: no 500 from input the schema let through", async () => {
    const suggester = await createSuggester({
      generator: scriptedGenerator(),
      availability: { check: async (domain) => ({ state: domain.length % 2 === 0 ? "taken" : "available" }) },
      maxRounds: 2,
      seed: 1,
    });
    const realApp = createApp({
      suggester,
      availability: createFakeAvailability(),
      ready: () => true,
      logger: pino({ level: "silent" }),
      processMetrics: false,
      config: { rateLimit: { perMinute: 1e9, burst: 1e9 }, requestTimeoutMs: 5_000 },
    });
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(nearValid, fc.boolean(), async (fields, stream) => {
        const res = stream
          ? await realApp.request(
              `/v1/suggestions/stream?${new URLSearchParams(
                Object.entries(fields).map(([k, v]): [string, string] => [
                  k,
                  Array.isArray(v) ? v.join(",") : String(v),
                ]),
              )}`,
            )
          : await realApp.request("/v1/suggestions", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(fields),
            });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
        if (stream && res.status === 200) expect(text, text).not.toContain("event: error");
      }),
      { numRuns: 1_000, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
    // Both outcomes were exercised: requests the pipeline served, and ones refused as invalid.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(50);
  }, 120_000);
});
