import { Validator } from "@seriousme/openapi-schema-validator";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "../createApp.js";
import { createFakeAvailability, createFakeSuggester } from "../testing.js";

const app = createApp({
  suggester: createFakeSuggester(),
  availability: createFakeAvailability(),
  ready: () => true,
  logger: pino({ level: "silent" }),
  processMetrics: false,
});

describe("OpenAPI and Swagger UI", () => {
  it("serves an OpenAPI 3.1 document that a real validator accepts, covering every route", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as { openapi: string; paths: object };
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/healthz",
        "/metrics",
        "/readyz",
        "/suggest",
        "/v1/availability",
        "/v1/suggestions",
        "/v1/suggestions/stream",
      ].sort(),
    );
  });

  it("serves Swagger UI with its assets from swagger-ui-dist, not a CDN", async () => {
    const html = await (await app.request("/docs")).text();
    expect(html).toContain("/assets/swagger-ui-dist/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await app.request("/assets/swagger-ui-dist/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(500_000);
    expect((await app.request("/assets/swagger-ui-dist/swagger-ui.css")).headers.get("content-type")).toContain(
      "text/css",
    );
    expect((await app.request("/assets/swagger-ui-dist/package.json")).status).toBe(404);
    expect((await app.request("/assets/swagger-ui-dist/..%2Fpackage.json")).status).toBe(404);
  });
});
