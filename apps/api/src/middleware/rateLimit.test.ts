import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../errors.js";
import { rateLimit } from "./rateLimit.js";

function appWith(clock: { now: number }, maxClients = 10_000) {
  const app = new Hono();
  app.onError((error, c) => c.text(String((error as RateLimitedError).headers?.["Retry-After"]), 429));
  app.use(
    rateLimit({
      perMinute: 60,
      burst: 2,
      keyOf: (c) => c.req.header("x-client") ?? "",
      now: () => clock.now,
      maxClients,
    }),
  );
  app.get("/", (c) => c.text("ok"));
  return app;
}

describe("rateLimit", () => {
  it("allows a burst, refuses with Retry-After, and refills at the sustained rate", async () => {
    const clock = { now: 0 };
    const app = appWith(clock);
    const hit = async (client = "a") => (await app.request("/", { headers: { "x-client": client } })).status;
    expect([await hit(), await hit(), await hit()]).toEqual([200, 200, 429]);
    expect(await hit("b")).toBe(200);
    const refused = await app.request("/", { headers: { "x-client": "a" } });
    expect(await refused.text()).toBe("1");
    clock.now += 1000; // 60/min = one token per second
    expect(await hit()).toBe(200);
    expect(await hit()).toBe(429);
  });

  it("forgets the least recently seen clients beyond maxClients (spoofed keys cannot grow memory)", async () => {
    const clock = { now: 0 };
    const app = appWith(clock, 2);
    const hit = async (client: string) => (await app.request("/", { headers: { "x-client": client } })).status;
    await hit("a");
    await hit("a");
    expect(await hit("a")).toBe(429);
    await hit("b");
    await hit("c"); // evicts "a"
    expect(await hit("a")).toBe(200);
  });

  it("is a RateLimitedError with status 429", () => {
    expect(new RateLimitedError(2).status).toBe(429);
  });
});
