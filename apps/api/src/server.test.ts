import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ServerListenError } from "./errors.js";
import { startServer } from "./server.js";
import { createFakeAvailability, createFakeSuggester } from "./testing.js";

function start(port = 0, msPerSuggestion = 0) {
  return startServer({
    suggester: createFakeSuggester({ msPerSuggestion }),
    availability: createFakeAvailability(),
    ready: () => true,
    logger: pino({ level: "silent" }),
    processMetrics: false,
    config: { port, drainTimeoutMs: 5_000 },
  });
}

const body = (count: number) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ business_description: "organic coffee shop downtown", count }),
});

describe("startServer", () => {
  it("serves on 127.0.0.1 and drains in-flight requests on close", async () => {
    const server = await start(0, 100);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const inFlight = fetch(`${server.url}/v1/suggestions`, body(5)); // ~500 ms of work
    while (server.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.inFlight).toBe(1);
    const closed = server.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { suggestions: unknown[] }).suggestions).toHaveLength(5);
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it("lets an open event stream finish before closing", async () => {
    const server = await start(0, 60);
    const res = await fetch(`${server.url}/v1/suggestions/stream?business_description=bakery&count=4`);
    expect(res.status).toBe(200);
    const closed = server.close();
    const text = await res.text();
    expect(text.match(/event: suggestion/g)).toHaveLength(4);
    expect(text).toContain("event: done");
    await closed;
  });

  it("fails with ServerListenError when the port is taken", async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(start(port)).rejects.toBeInstanceOf(ServerListenError);
    await first.close();
  });
});
