import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { AvailabilityChecker } from "@nomen/domains";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./createApp.js";
import { createDomainsAvailability } from "./domainsAvailability.js";
import { createFakeSuggester } from "./testing.js";

/** A local RDAP registry: `taken*` names exist (200), everything else is not registered (404). */
const registry = createServer((request, response) => {
  const name = decodeURIComponent(request.url?.split("/domain/")[1] ?? "");
  response.writeHead(name.startsWith("taken") ? 200 : 404, { "content-type": "application/rdap+json" });
  response.end(JSON.stringify(name.startsWith("taken") ? { objectClassName: "domain", ldhName: name } : {}));
});
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  await new Promise<void>((resolve) => registry.listen(0, "127.0.0.1", resolve));
  const { port } = registry.address() as AddressInfo;
  const checker = new AvailabilityChecker({ rdapServers: { com: `http://127.0.0.1:${port}/` }, timeoutMs: 2_000 });
  app = createApp({
    suggester: createFakeSuggester(),
    availability: createDomainsAvailability(checker),
    ready: () => true,
    logger: pino({ level: "silent" }),
    processMetrics: false,
  });
});
afterAll(() => registry.close());

const post = (domains: string[]) =>
  app.request("/v1/availability", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ domains }),
  });

describe("POST /v1/availability with @nomen/domains", () => {
  it("reports what the registry's RDAP server says", async () => {
    const res = await post(["freebakery.com", "takenbakery.com"]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      results: [
        { domain: "freebakery.com", status: "available", source: "rdap" },
        { domain: "takenbakery.com", status: "taken", source: "rdap" },
      ],
    });
  });

  it("answers 422 naming the invalid domains before asking any registry", async () => {
    const res = await post(["ok.com", "-bad-.com", "nodot"]);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path)).toEqual(["domains.1", "domains.2"]);
  });
});
