import fc from "fast-check";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "./createApp.js";
import { createFakeAvailability, createFakeSuggester } from "./testing.js";

const app = createApp({
  suggester: createFakeSuggester(),
  availability: createFakeAvailability(),
  ready: () => true,
  logger: pino({ level: "silent" }),
  processMetrics: false,
  config: { rateLimit: { perMinute: 1e9, burst: 1e9 }, requestTimeoutMs: 2_000, bodyLimitBytes: 4096 },
});

const paths = [
  "/v1/suggestions",
  "/suggest",
  "/v1/suggestions/stream",
  "/v1/availability",
  "/healthz",
  "/readyz",
  "/metrics",
  "/openapi.json",
  "/docs",
];
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
