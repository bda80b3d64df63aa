import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { ApiConfigInput } from "./config.js";
import { createApp } from "./createApp.js";
import { createFakeAvailability, createFakeSuggester } from "./testing.js";
import type { ApiDeps, Suggester } from "./types.js";

const silent = pino({ level: "silent" });

function makeApp(overrides: Partial<ApiDeps> = {}, config: Partial<ApiConfigInput> = {}) {
  return createApp({
    suggester: createFakeSuggester(),
    availability: createFakeAvailability(),
    ready: () => true,
    logger: silent,
    processMetrics: false,
    ...overrides,
    config: { rateLimit: { perMinute: 6000, burst: 1000 }, ...config },
  });
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

async function expectProblem(res: Response, status: number, type?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await res.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(problem.type).toMatch(/^urn:nomen:problem:/);
  if (type) expect(problem.type).toBe(`urn:nomen:problem:${type}`);
  return problem;
}

describe("POST /v1/suggestions", () => {
  it("answers exactly {suggestions:[{domain, confidence}], status}", async () => {
    const res = await makeApp().request(
      "/v1/suggestions",
      post({ business_description: "organic coffee shop in downtown area", count: 3, tlds: [".COM", "io"] }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { suggestions: { domain: string; confidence: number }[]; status: string };
    expect(Object.keys(body)).toEqual(["suggestions", "status"]);
    expect(body.status).toBe("success");
    expect(body.suggestions).toHaveLength(3);
    for (const suggestion of body.suggestions) {
      expect(Object.keys(suggestion)).toEqual(["domain", "confidence"]);
      expect(suggestion.domain).toMatch(/\.(com|io)$/);
    }
  });

  it("keeps POST /suggest as an alias", async () => {
    const res = await makeApp().request("/suggest", post({ business_description: "bike repair" }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { suggestions: unknown[] }).suggestions).toHaveLength(5);
  });

  it("answers the blocked shape for a refused request", async () => {
    const res = await makeApp().request("/v1/suggestions", post({ business_description: "explicit adult site" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      suggestions: [],
      status: "blocked",
      message: "Request contains inappropriate content",
    });
  });

  it("drops members the pipeline adds beyond the documented shape", async () => {
    const suggester: Suggester = {
      ...createFakeSuggester(),
      suggest: async () =>
        ({ suggestions: [{ domain: "a.com", confidence: 0.5, debug: 1 }], status: "success", extra: true }) as never,
    };
    const res = await makeApp({ suggester }).request("/v1/suggestions", post({ business_description: "x shop" }));
    expect(await res.json()).toEqual({ suggestions: [{ domain: "a.com", confidence: 0.5 }], status: "success" });
  });

  it("answers malformed JSON with a 400 problem", async () => {
    await expectProblem(await makeApp().request("/v1/suggestions", post("{not json")), 400);
  });

  it("answers a body that is not JSON by content type with a 415 problem", async () => {
    const res = await makeApp().request("/v1/suggestions", post("{}", { "content-type": "text/plain" }));
    await expectProblem(res, 415);
  });

  it("answers schema violations with a 422 problem listing the fields", async () => {
    const res = await makeApp().request("/v1/suggestions", post({ business_description: "", count: 0, color: "red" }));
    const problem = await expectProblem(res, 422, "invalid-request");
    const paths = (problem.errors as { path: string }[]).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["business_description", "count"]));
  });

  it("answers a description over the limit with 422 description-too-long", async () => {
    const res = await makeApp({}, { maxDescriptionLength: 50 }).request(
      "/v1/suggestions",
      post({ business_description: "a".repeat(51) }),
    );
    expect((await expectProblem(res, 422, "description-too-long")).limit).toBe(50);
  });

  it("answers a body over the size limit with 413", async () => {
    const res = await makeApp({}, { bodyLimitBytes: 100 }).request(
      "/v1/suggestions",
      post({ business_description: "b".repeat(200) }),
    );
    await expectProblem(res, 413, "payload-too-large");
  });

  it("answers 503 with Retry-After while the model is not loaded", async () => {
    const app = makeApp({ ready: () => false });
    const res = await app.request("/v1/suggestions", post({ business_description: "bakery" }));
    await expectProblem(res, 503, "not-ready");
    expect(res.headers.get("retry-after")).toBe("5");
    await expectProblem(await app.request("/readyz"), 503, "not-ready");
  });

  it("answers 504 when the pipeline outlives the request timeout, even if it ignores the signal", async () => {
    const suggester: Suggester = { ...createFakeSuggester(), suggest: () => new Promise(() => {}) };
    const res = await makeApp({ suggester }, { requestTimeoutMs: 50 }).request(
      "/v1/suggestions",
      post({ business_description: "bakery" }),
    );
    await expectProblem(res, 504, "timeout");
  });

  it("turns a pipeline crash into a 500 problem without internals, and logs it with the request id", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const suggester: Suggester = {
      ...createFakeSuggester(),
      suggest: async () => {
        throw new Error("secret internal path /opt/x");
      },
    };
    const app = makeApp({ suggester, logger: pino({ level: "info" }, sink) });
    const res = await app.request(
      "/v1/suggestions",
      post({ business_description: "bakery" }, { "x-request-id": "r-42" }),
    );
    const problem = await expectProblem(res, 500, "internal");
    expect(JSON.stringify(problem)).not.toContain("secret");
    expect(problem.instance).toBe("urn:nomen:request:r-42");
    expect(res.headers.get("x-request-id")).toBe("r-42");
    const logged = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string });
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reqId: "r-42", msg: "unexpected error" }),
        expect.objectContaining({ reqId: "r-42", msg: "request failed" }),
      ]),
    );
  });
});

describe("backpressure", () => {
  it("rate-limits per client with 429 and Retry-After", async () => {
    const app = makeApp({}, { rateLimit: { perMinute: 60, burst: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await app.request("/v1/suggestions", post({ business_description: "bakery" }))).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const res = await app.request("/v1/suggestions", post({ business_description: "bakery" }));
    await expectProblem(res, 429, "rate-limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await app.request("/healthz")).status).toBe(200);
  });

  it("behind a trusted proxy, a client rotating the leftmost X-Forwarded-For hop is still rate-limited", async () => {
    const app = makeApp({}, { rateLimit: { perMinute: 60, burst: 2 }, trustProxy: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      // The client writes "10.0.0.<i>"; our proxy appends the address it saw, 203.0.113.7.
      const headers = { "x-forwarded-for": `10.0.0.${i}, 203.0.113.7` };
      statuses.push((await app.request("/v1/suggestions", post({ business_description: "bakery" }, headers))).status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    const other = post({ business_description: "bakery" }, { "x-forwarded-for": "10.0.0.1, 198.51.100.9" });
    expect((await app.request("/v1/suggestions", other)).status).toBe(200);
  });

  it("with two trusted proxy hops, identifies the client by the second hop from the right", async () => {
    const app = makeApp({}, { rateLimit: { perMinute: 60, burst: 1 }, trustProxy: true, trustedProxyHops: 2 });
    const send = (xff: string) =>
      app.request("/v1/suggestions", post({ business_description: "bakery" }, { "x-forwarded-for": xff }));
    expect((await send("spoof-a, 203.0.113.7, 10.1.1.1")).status).toBe(200);
    expect((await send("spoof-b, 203.0.113.7, 10.1.1.2")).status).toBe(429);
    expect((await send("203.0.113.8, 10.1.1.1")).status).toBe(200);
  });

  it("answers 503 with Retry-After when the model queue is full", async () => {
    const app = makeApp(
      { suggester: createFakeSuggester({ msPerSuggestion: 20 }) },
      { queue: { concurrency: 1, maxQueued: 1 } },
    );
    const responses = await Promise.all(
      [1, 2, 3].map(() => app.request("/v1/suggestions", post({ business_description: "bakery", count: 2 }))),
    );
    expect(responses.map((res) => res.status).sort()).toEqual([200, 200, 503]);
    const busy = responses.find((res) => res.status === 503)!;
    expect(busy.headers.get("retry-after")).toBe("1");
    await expectProblem(busy, 503, "queue-full");
  });

  it("refuses new work with 503 while draining", async () => {
    const res = await makeApp({ isDraining: () => true }).request("/healthz");
    await expectProblem(res, 503, "shutting-down");
  });
});

describe("other routes", () => {
  it("answers 404 as a problem", async () => {
    await expectProblem(await makeApp().request("/nope"), 404, "not-found");
  });

  it("checks availability", async () => {
    const res = await makeApp().request("/v1/availability", post({ domains: ["Free.com", "taken.io", "x.example"] }));
    expect(await res.json()).toEqual({
      results: [
        { domain: "free.com", status: "available", source: "fake" },
        { domain: "taken.io", status: "taken", source: "fake" },
        { domain: "x.example", status: "unknown", source: "fake" },
      ],
    });
  });

  it("reports liveness, readiness and Prometheus metrics", async () => {
    const app = makeApp();
    expect(await (await app.request("/healthz")).json()).toMatchObject({ status: "ok" });
    expect(await (await app.request("/readyz")).json()).toEqual({ status: "ready" });
    await app.request("/v1/suggestions", post({ business_description: "bakery" }));
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toMatch(
      /nomen_http_request_duration_seconds_count\{method="POST",route="\/v1\/suggestions",status="200"\} 1/,
    );
    expect(metrics).toContain('nomen_suggest_requests_total{status="success"} 1');
    expect(metrics).toContain("nomen_queue_waiting 0");
  });

  it("sends CORS headers for configured origins only", async () => {
    const app = makeApp({}, { corsOrigins: ["https://app.example"] });
    const allowed = await app.request("/healthz", { headers: { origin: "https://app.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const preflight = await app.request("/v1/suggestions", {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    const other = await makeApp().request("/healthz", { headers: { origin: "https://app.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
