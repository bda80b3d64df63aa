import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import dns2 from "dns2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AvailabilityChecker, type AvailabilityCheckerOptions } from "./AvailabilityChecker.js";
import { AvailabilityOptionsError, DisposedError, InvalidDomainError, RdapBootstrapError } from "./errors.js";

/**
 * A virtual clock for the checker's `now`/`sleep` options: time moves only when a sleep is waited
 * out, so a retry request that arrives ≥ Retry-After after the first proves the checker waited, on
 * any machine load. `hold()` keeps sleepers pending until `advance()`, to look at the world mid-wait.
 */
class FakeClock {
  time = Date.parse("2026-01-01T00:00:00Z");
  readonly slept: number[] = [];
  #held = false;
  #pending: Array<{ until: number; resolve: () => void }> = [];
  #onPending: Array<() => void> = [];

  readonly now = (): number => this.time;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    this.slept.push(ms);
    if (!this.#held) {
      this.time += ms;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#pending.push({ until: this.time + ms, resolve });
      for (const notify of this.#onPending.splice(0)) notify();
    });
  };

  hold(): void {
    this.#held = true;
  }

  /** Resolves once `count` sleepers are waiting. */
  async sleepers(count: number): Promise<void> {
    while (this.#pending.length < count) await new Promise<void>((resolve) => this.#onPending.push(resolve));
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.#pending.filter((p) => p.until <= this.time);
    this.#pending = this.#pending.filter((p) => p.until > this.time);
    for (const p of due) p.resolve();
  }
}

/** A real RDAP server on 127.0.0.1 whose answer depends on the name's first word. */
class FakeRegistry {
  readonly requests: Array<{ name: string; at: number }> = [];
  inFlight = 0;
  maxInFlight = 0;
  bootstrapFetches = 0;
  /** Where request times come from: the test's virtual clock, or the wall clock. */
  clock: () => number = Date.now;
  /** `/slow-dns.json` answers only once this resolves. */
  releaseSlowBootstrap: () => void = () => {};
  #slowBootstrapGate = Promise.resolve();
  readonly #arrivals = new Map<string, Array<() => void>>();
  readonly #seen = new Map<string, number>();
  readonly server: Server = createServer((req, res) => void this.#handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/rdap/`;
  }

  /** Holds `/slow-dns.json` answers until `releaseSlowBootstrap()`. */
  holdSlowBootstrap(): void {
    this.#slowBootstrapGate = new Promise((resolve) => {
      this.releaseSlowBootstrap = resolve;
    });
  }

  /** Resolves when a request for `path` (an RDAP name or `/slow-dns.json`) has arrived. */
  arrival(path: string): Promise<void> {
    return new Promise((resolve) => this.#arrivals.set(path, [...(this.#arrivals.get(path) ?? []), resolve]));
  }

  #arrived(path: string): void {
    for (const notify of this.#arrivals.get(path) ?? []) notify();
    this.#arrivals.delete(path);
  }

  count(prefix: string): number {
    return this.requests.filter((r) => r.name.startsWith(prefix)).length;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === "/dns.json" || req.url === "/slow-dns.json") {
      this.bootstrapFetches++;
      if (req.url === "/slow-dns.json") {
        this.#arrived(req.url);
        await this.#slowBootstrapGate;
      }
      const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/rdap/`;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ services: [[["com"], [base]]] }));
      return;
    }
    const name = decodeURIComponent(req.url?.replace(/^\/rdap\/domain\//, "") ?? "");
    this.requests.push({ name, at: this.clock() });
    this.#arrived(name);
    const seen = (this.#seen.get(name) ?? 0) + 1;
    this.#seen.set(name, seen);
    // Only the `delayed` names count towards the in-flight gauge (a `slow` one may outlive its test).
    const counted = name.startsWith("delayed");
    if (counted) this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await this.#answer(name, seen, res);
    } finally {
      if (counted) this.inFlight--;
    }
  }

  async #answer(name: string, seen: number, res: ServerResponse): Promise<unknown> {
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/rdap+json" }).end(JSON.stringify(body));
    const domain = { objectClassName: "domain", ldhName: name.toUpperCase(), status: ["active"] };
    const word = name.split(/[0-9.-]/)[0];
    if (word === "taken") return json(200, domain);
    if (word === "free") return json(404, { errorCode: 404, title: "Not Found" });
    if (word === "reserved") {
      return json(200, { ...domain, status: ["inactive"], remarks: [{ description: ["Reserved by the registry"] }] });
    }
    if (word === "limited") {
      if (seen === 1) return void res.writeHead(429, { "retry-after": "1" }).end();
      return json(404, {});
    }
    if (word === "busy") return void res.writeHead(503, { "retry-after": "1" }).end();
    if (word === "hardlimit") return void res.writeHead(429, { "retry-after": "120" }).end();
    if (word === "broken") return json(500, { errorCode: 500 });
    if (word === "garbage") return void res.writeHead(200).end("<html>maintenance</html>");
    if (word === "other") return json(200, { ...domain, ldhName: "someone-else.com" });
    if (word === "slow") {
      // Never answers: the client's timeout or abort (or the end of the suite) closes the connection.
      await new Promise((resolve) => res.once("close", resolve));
      return;
    }
    if (word === "delayed") {
      await new Promise((resolve) => setTimeout(resolve, 80));
      return json(404, {});
    }
    return json(400, { errorCode: 400 });
  }
}

/** A real DNS server (dns2, UDP on 127.0.0.1): NS records for `delegated*` and `taken*`, SERVFAIL for `dnsfail*`. */
async function startDns(): Promise<{ server: ReturnType<typeof dns2.createServer>; address: string }> {
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = question?.name ?? "";
      if (/^(delegated|taken|free-but-delegated|broken-delegated)/.test(name)) {
        const record = { name, type: Packet.TYPE.NS, class: Packet.CLASS.IN, ttl: 60, ns: "ns1.example.net" };
        response.answers.push(record as unknown as (typeof response.answers)[number]);
      } else if (name.startsWith("dnsfail") || name.includes("dnsfail")) {
        response.header.rcode = 2;
      } else {
        response.header.rcode = 3;
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const udp = (addresses as { udp: AddressInfo }).udp;
  return { server, address: `127.0.0.1:${udp.port}` };
}

const registry = new FakeRegistry();
let base = "";
let dnsServer: Awaited<ReturnType<typeof startDns>>;
let closedPortBase = "";

beforeAll(async () => {
  base = await registry.start();
  dnsServer = await startDns();
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPortBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/rdap/`;
  await new Promise((resolve) => closed.close(resolve));
});

beforeEach(() => {
  registry.clock = Date.now;
});

afterAll(async () => {
  registry.server.closeAllConnections();
  await new Promise((resolve) => registry.server.close(resolve));
  await dnsServer.server.close();
});

function checker(options: AvailabilityCheckerOptions = {}): AvailabilityChecker {
  // Generous timeout: CI runs every package's tests at once on two cores.
  return new AvailabilityChecker({ bootstrap: { services: [[["com", "net"], [base]]] }, timeoutMs: 3000, ...options });
}

describe("AvailabilityChecker against a real RDAP server on 127.0.0.1", () => {
  it("reads 200 as taken, 404 as available, reserved remarks as reserved-or-premium", async () => {
    const results = await checker().checkMany(["taken1.com", "free1.com", "reserved1.com", "HTTPS://www.Free2.com/"]);
    expect(results.map((r) => [r.domain, r.state, r.detail])).toEqual([
      ["taken1.com", "taken", "rdap-200"],
      ["free1.com", "available", "rdap-404"],
      ["reserved1.com", "reserved-or-premium", "rdap-200-reserved"],
      ["free2.com", "available", "rdap-404"],
    ]);
    expect(results[0]?.registry).toBe(base);
  });

  it("honours Retry-After on 429 end to end on the real clock: waits it out, then asks again", async () => {
    const result = await checker().check("limited1.com");
    expect(result).toMatchObject({ state: "available", detail: "rdap-404" });
    const [first, second] = registry.requests.filter((r) => r.name === "limited1.com");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("waits at least Retry-After (virtual clock) before asking the same registry again", async () => {
    const clock = new FakeClock();
    registry.clock = clock.now;
    const result = await checker({ now: clock.now, sleep: clock.sleep }).check("limited3.com");
    expect(result).toMatchObject({ state: "available", detail: "rdap-404" });
    const [first, second] = registry.requests.filter((r) => r.name === "limited3.com");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(clock.slept).toEqual([1000]);
  });

  it("makes every request to a registry wait out its back-off, not only the one that was told", async () => {
    const clock = new FakeClock();
    clock.hold();
    registry.clock = clock.now;
    const c = checker({ now: clock.now, sleep: clock.sleep });
    const started = clock.now();
    const limitedCheck = c.check("limited2.com");
    await clock.sleepers(1); // limited2 got its 429 and is waiting out Retry-After
    const otherCheck = c.check("free3.com");
    await clock.sleepers(2); // free3 was never told, yet waits too
    expect(registry.count("free3.com")).toBe(0);
    clock.advance(1000);
    const [limited, other] = await Promise.all([limitedCheck, otherCheck]);
    expect(limited.state).toBe("available");
    expect(other.state).toBe("available");
    const freeAt = registry.requests.find((r) => r.name === "free3.com")!.at;
    expect(freeAt - started).toBeGreaterThanOrEqual(900);
  });

  it("gives unknown at once when Retry-After exceeds the limit, and stops asking that registry", async () => {
    const clock = new FakeClock();
    const c = checker({ maxRetryAfterMs: 5000, now: clock.now, sleep: clock.sleep });
    const started = clock.now();
    expect(await c.check("hardlimit1.com")).toMatchObject({ state: "unknown", detail: "rdap-429-rate-limited" });
    expect(clock.now() - started).toBeLessThan(1000);
    expect(clock.slept).toEqual([]);
    const before = registry.requests.length;
    expect(await c.check("free4.com")).toMatchObject({ state: "unknown", detail: "registry-backoff" });
    expect(registry.requests.length).toBe(before);
    // The 120 s pause holds while more than maxRetryAfterMs of it is left; then the rest is waited out.
    clock.time += 114_000;
    expect(await c.check("free4.com")).toMatchObject({ detail: "registry-backoff" });
    expect(registry.requests.length).toBe(before);
    clock.time += 1_001;
    expect(await c.check("free4.com")).toMatchObject({ state: "available", detail: "rdap-404" });
    expect(clock.slept).toEqual([4_999]);
  });

  it("treats 503 with Retry-After as a back-off and gives unknown when retries run out", async () => {
    const clock = new FakeClock();
    const result = await checker({ maxRetries: 1, now: clock.now, sleep: clock.sleep }).check("busy1.com");
    expect(result).toMatchObject({ state: "unknown", detail: "rdap-503-rate-limited" });
    expect(registry.count("busy1.com")).toBe(2);
    expect(clock.slept).toEqual([1000]);
  });

  it("never reports available after a 500, a timeout, a non-JSON body, a foreign object or a refused connection", async () => {
    const c = checker();
    // slow1 never gets an answer, so a short timeout is a timeout on any machine load.
    const quick = checker({ timeoutMs: 200 });
    const results = await Promise.all([
      c.check("broken1.com"),
      quick.check("slow1.com"),
      c.check("garbage1.com"),
      c.check("other1.com"),
    ]);
    expect(results.map((r) => [r.state, r.detail])).toEqual([
      ["unknown", "rdap-http-500"],
      ["unknown", "rdap-timeout"],
      ["unknown", "rdap-invalid-json"],
      ["unknown", "rdap-unexpected-body"],
    ]);
    const refused = checker({ rdapServers: { com: closedPortBase } });
    expect(await refused.check("free5.com")).toMatchObject({ state: "unknown", detail: "rdap-network-error" });
  });

  it("does not cache unknown, caches definite answers", async () => {
    const c = checker();
    await c.check("broken2.com");
    await c.check("broken2.com");
    expect(registry.count("broken2.com")).toBe(2);
    await c.check("taken2.com");
    const again = await c.check("taken2.com");
    expect(again).toMatchObject({ state: "taken", cached: true });
    expect(registry.count("taken2.com")).toBe(1);
  });

  it("keeps at most maxConcurrentPerRegistry requests in flight", async () => {
    registry.maxInFlight = 0;
    const names = Array.from({ length: 8 }, (_, i) => `delayed${i}.com`);
    const results = await checker({ maxConcurrentPerRegistry: 2 }).checkMany(names);
    expect(results.every((r) => r.state === "available")).toBe(true);
    expect(registry.maxInFlight).toBe(2);
  });

  it("stops at once when the caller aborts, instead of reporting anything", async () => {
    const controller = new AbortController();
    const arrived = registry.arrival("slow2.com");
    // slow2 is never answered and the timeout is far beyond the test's, so only the abort can settle it.
    const pending = checker({ timeoutMs: 600_000 }).check("slow2.com", { signal: controller.signal });
    await arrived;
    controller.abort(new Error("user cancelled"));
    await expect(pending).rejects.toThrow("user cancelled");
  });

  it("lets one caller's abort stop only that caller while the bootstrap load they share goes on", async () => {
    registry.holdSlowBootstrap();
    const url = base.replace(/rdap\/$/, "slow-dns.json");
    const c = new AvailabilityChecker({ bootstrapUrl: url, timeoutMs: 3000 });
    const first = new AbortController();
    const requested = registry.arrival("/slow-dns.json");
    const aborted = c.check("taken5.com", { signal: first.signal });
    const other = c.check("free12.com");
    await requested;
    first.abort(new Error("first caller cancelled"));
    await expect(aborted).rejects.toThrow("first caller cancelled");
    registry.releaseSlowBootstrap();
    expect(await other).toMatchObject({ domain: "free12.com", state: "available", detail: "rdap-404" });
    expect(registry.count("taken5.com")).toBe(0);
  });

  it("throws DisposedError after dispose, and cancels a bootstrap load in flight", async () => {
    registry.holdSlowBootstrap();
    const c = new AvailabilityChecker({ bootstrapUrl: base.replace(/rdap\/$/, "slow-dns.json"), timeoutMs: 3000 });
    const requested = registry.arrival("/slow-dns.json");
    const pending = c.check("free13.com");
    await requested;
    c.dispose();
    await expect(pending).rejects.toBeInstanceOf(DisposedError);
    registry.releaseSlowBootstrap();
    await expect(c.check("free13.com")).rejects.toBeInstanceOf(DisposedError);
    await expect(c.checkMany(["free13.com"])).rejects.toThrow(/AvailabilityChecker is disposed.*Hint: create a new/);
  });

  it("rejects bad options with the option, expected vs got, and a hint", () => {
    expect(() => new AvailabilityChecker({ timeoutMs: -5 })).toThrow(AvailabilityOptionsError);
    expect(() => new AvailabilityChecker({ timeoutMs: -5 })).toThrow(
      /"timeoutMs" is invalid: expected a finite number ≥ 1, got -5\. Hint: .+/,
    );
    expect(() => new AvailabilityChecker({ maxRetries: 1.5 })).toThrow(/expected an integer ≥ 0, got 1.5\. Hint: /);
    expect(() => new AvailabilityChecker({ sleep: 5 as never })).toThrow(/"sleep" is invalid: expected a function/);
  });

  it("gives unknown for a TLD without an RDAP server, and rejects invalid names before any request", async () => {
    expect(await checker().check("free6.io")).toMatchObject({
      state: "unknown",
      source: "none",
      detail: "no-rdap-server",
    });
    await expect(checker().checkMany(["free7.com", "bad_name.com"])).rejects.toBeInstanceOf(InvalidDomainError);
    expect(registry.count("free7.com")).toBe(0);
  });
});

describe("AvailabilityChecker with DNS (dns2 on 127.0.0.1) as a secondary signal", () => {
  const withDns = () => checker({ dns: { servers: [dnsServer.address], timeoutMs: 2500 } });

  it("keeps available only when RDAP says 404 and DNS has no delegation", async () => {
    expect(await withDns().check("free8.com")).toMatchObject({ state: "available" });
    expect(await withDns().check("free-but-delegated.com")).toMatchObject({
      state: "unknown",
      detail: "rdap-404-but-dns-ns",
    });
    expect(await withDns().check("free-dnsfail.com")).toMatchObject({ state: "unknown", detail: "rdap-404-dns-error" });
  });

  it("uses NS records to call a name taken when RDAP cannot answer, and never says available", async () => {
    expect(await withDns().check("broken-delegated.com")).toMatchObject({ state: "taken", source: "dns" });
    expect(await withDns().check("delegated1.io")).toMatchObject({ state: "taken", source: "dns" });
    expect(await withDns().check("broken3.com")).toMatchObject({ state: "unknown" });
    expect(await withDns().check("free9.io")).toMatchObject({ state: "unknown" });
  });
});

describe("RDAP bootstrap loading", () => {
  it("loads dns.json from a file and rejects a malformed one with a named error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nomen-domains-"));
    const good = join(dir, "dns.json");
    await writeFile(good, JSON.stringify({ version: "1.0", services: [[["com"], [base]]] }));
    expect(await new AvailabilityChecker({ bootstrapFile: good, timeoutMs: 3000 }).check("taken3.com")).toMatchObject({
      state: "taken",
    });
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ services: [["com", base]] }));
    await expect(new AvailabilityChecker({ bootstrapFile: bad }).check("taken3.com")).rejects.toBeInstanceOf(
      RdapBootstrapError,
    );
  });

  it("fetches dns.json from a configured URL and refreshes it after its TTL", async () => {
    const url = base.replace(/rdap\/$/, "dns.json");
    const clock = new FakeClock();
    const c = new AvailabilityChecker({ bootstrapUrl: url, bootstrapTtlMs: 1000, timeoutMs: 3000, now: clock.now });
    const before = registry.bootstrapFetches;
    expect(await c.check("taken4.com")).toMatchObject({ state: "taken" });
    clock.time += 1000; // exactly the TTL: still fresh
    expect(await c.check("free10.com")).toMatchObject({ state: "available" });
    expect(registry.bootstrapFetches - before).toBe(1);
    clock.time += 100;
    await c.check("free11.com");
    expect(registry.bootstrapFetches - before).toBe(2);
  });
});
