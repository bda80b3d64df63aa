import { InvalidOptionsError } from "@nomen/metal-runtime";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "./createApp.js";
import { createFakeAvailability, createFakeSuggester } from "./testing.js";
import type { Suggester } from "./types.js";

/** Errors shaped like `@nomen/suggest`'s and `@nomen/metal-runtime`'s (same names and fields). */
class InvalidRequestError extends Error {
  override name = "InvalidRequestError";
  constructor(readonly field: string) {
    super(`Invalid suggest request: ${field} must be 1–63 ASCII letters`);
  }
}
class GenerationTimeoutError extends Error {
  override name = "GenerationTimeoutError";
  readonly timeoutMs = 30_000;
}
class BusyError extends Error {
  override name = "BusyError";
  readonly maxQueue = 8;
}

function appFailingWith(error: Error) {
  const suggester: Suggester = {
    ...createFakeSuggester(),
    suggest: async () => {
      throw error;
    },
  };
  return createApp({
    suggester,
    availability: createFakeAvailability(),
    ready: () => true,
    logger: pino({ level: "silent" }),
    processMetrics: false,
  });
}

describe("pipeline errors", () => {
  it.each([
    [new InvalidRequestError("include"), 422, "invalid-request"],
    [new GenerationTimeoutError("slow"), 504, "timeout"],
    [new BusyError("busy"), 503, "queue-full"],
    [new InvalidOptionsError('tld "1com" is not a lowercase LDH suffix'), 422, "invalid-request"],
    [new TypeError("bug"), 500, "internal"],
  ])("maps %s to its status", async (error, status, slug) => {
    const res = await appFailingWith(error).request("/v1/suggestions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ business_description: "bakery", include: ["x1"] }),
    });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { type: string }).type).toBe(`urn:nomen:problem:${slug}`);
  });
});
