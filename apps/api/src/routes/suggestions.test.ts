import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "../createApp.js";
import { createFakeAvailability, createFakeSuggester } from "../testing.js";
import type { Suggester } from "../types.js";

function makeApp(suggester: Suggester = createFakeSuggester(), requestTimeoutMs = 30_000) {
  return createApp({
    suggester,
    availability: createFakeAvailability(),
    ready: () => true,
    logger: pino({ level: "silent" }),
    processMetrics: false,
    config: { requestTimeoutMs },
  });
}

/** Parses a complete Server-Sent Events body into {event, data} pairs. */
function parseEvents(text: string) {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7);
      const data = lines.find((line) => line.startsWith("data: "))?.slice(6) ?? "";
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

describe("GET /v1/suggestions/stream", () => {
  it("streams each suggestion, then done", async () => {
    const res = await makeApp().request(
      "/v1/suggestions/stream?business_description=organic%20coffee&count=3&tlds=com,io",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = parseEvents(await res.text());
    expect(events.map((event) => event.event)).toEqual(["suggestion", "suggestion", "suggestion", "done"]);
    expect(Object.keys(events[0]!.data)).toEqual(["domain", "confidence"]);
    expect(events[3]!.data).toEqual({ status: "success", count: 3 });
  });

  it("sends each suggestion before the next one is generated", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const suggester: Suggester = {
      ...createFakeSuggester(),
      async *stream() {
        yield { domain: "first.com", confidence: 0.9 };
        await gate;
        yield { domain: "second.com", confidence: 0.8 };
      },
    };
    const res = await makeApp(suggester).request("/v1/suggestions/stream?business_description=bakery");
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("first.com");
    expect(first).not.toContain("second.com");
    release();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain("second.com");
    expect(rest).toContain("event: done");
  });

  it("sends the blocked shape as one event", async () => {
    const res = await makeApp().request("/v1/suggestions/stream?business_description=explicit%20stuff");
    expect(parseEvents(await res.text())).toEqual([
      {
        event: "blocked",
        data: { suggestions: [], status: "blocked", message: "Request contains inappropriate content" },
      },
    ]);
  });

  it("ends with a problem event when the stream outlives the timeout", async () => {
    const suggester: Suggester = {
      ...createFakeSuggester(),
      async *stream() {
        yield { domain: "first.com", confidence: 0.9 };
        await new Promise(() => {});
      },
    };
    const res = await makeApp(suggester, 50).request("/v1/suggestions/stream?business_description=bakery");
    const events = parseEvents(await res.text());
    expect(events.map((event) => event.event)).toEqual(["suggestion", "error"]);
    expect(events[1]!.data).toMatchObject({ status: 504, type: "urn:nomen:problem:timeout" });
  });

  it("validates the query like the body (422 problem)", async () => {
    const res = await makeApp().request("/v1/suggestions/stream?business_description=x&count=0");
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
