import { AvailabilityOptionsError, InvalidDomainError } from "./errors.js";
import { type AvailabilityState, interpretRdap } from "./interpretRdap.js";
import { type LookupNameserversOptions, lookupNameservers, type NameserverSignal } from "./lookupNameservers.js";
import { queryRdap } from "./queryRdap.js";
import { RegistryGate } from "./RegistryGate.js";
import { loadRdapBootstrap, RdapBootstrap, type RdapBootstrapJson } from "./rdapBootstrap.js";
import { TtlCache } from "./TtlCache.js";
import { validateDomain } from "./validateDomain.js";

/** The availability of one domain and why we believe it. */
export interface AvailabilityResult {
  /** ASCII, normalized. */
  readonly domain: string;
  readonly state: AvailabilityState;
  /** Which signal decided: `rdap`, `dns` (RDAP inconclusive, NS records present), or `none`. */
  readonly source: "rdap" | "dns" | "none";
  /** A stable code such as `rdap-404`, `rdap-200`, `rdap-timeout`, `rdap-429-rate-limited`, `no-rdap-server`, `rdap-404-but-dns-ns`. */
  readonly detail: string;
  /** The RDAP base URL asked, if any. */
  readonly registry?: string;
  readonly cached: boolean;
}

export interface AvailabilityCheckerOptions {
  /** A parsed bootstrap or dns.json content. Defaults to `bootstrapFile`, then `bootstrapUrl`, then the built-in snapshot. */
  readonly bootstrap?: RdapBootstrap | RdapBootstrapJson;
  /** Path of a saved IANA dns.json for offline use. */
  readonly bootstrapFile?: string;
  /** URL of dns.json (e.g. `https://data.iana.org/rdap/dns.json`). Defaults to none: nothing is fetched unless asked. */
  readonly bootstrapUrl?: string;
  /** How long a loaded file/URL bootstrap is reused before reloading. Defaults to 86,400,000 (a day). */
  readonly bootstrapTtlMs?: number;
  /** Suffix → RDAP base URL, overriding the bootstrap, e.g. `{ com: "http://127.0.0.1:8080/" }`. */
  readonly rdapServers?: Readonly<Record<string, string>>;
  /** Milliseconds before an RDAP request counts as failed (`unknown`). Defaults to 5,000. */
  readonly timeoutMs?: number;
  /** Requests in flight per registry (RDAP origin). Defaults to 2. */
  readonly maxConcurrentPerRegistry?: number;
  /** Retries after a 429 (or 503 with Retry-After). Defaults to 2. */
  readonly maxRetries?: number;
  /** Longest Retry-After we wait out; a longer one gives `unknown` at once. Defaults to 30,000 ms. */
  readonly maxRetryAfterMs?: number;
  /** Back-off after a 429 without Retry-After, doubled each retry. Defaults to 1,000 ms. */
  readonly defaultBackoffMs?: number;
  /** How long definite answers are cached; `unknown` is never cached. Defaults to 600,000 ms. */
  readonly cacheTtlMs?: number;
  /** NS lookups as a secondary signal, e.g. `{ servers: ["127.0.0.1:5353"] }`. Defaults to `false` (off). */
  readonly dns?: false | LookupNameserversOptions;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Defaults to `nomen-domains/0.1 (+https://github.com/nomen)`. */
  readonly userAgent?: string;
}

/**
 * Checks registration state over RDAP, honestly: `available` only on an authoritative 404 from the
 * registry's RDAP server (and, with DNS on, no NS delegation); timeouts, 429s, 5xx, odd bodies or a
 * TLD without RDAP give `unknown`. Per-registry concurrency limits, shared Retry-After back-off, a TTL cache.
 *
 * @example
 * await using checker = new AvailabilityChecker({ bootstrapFile: "dns.json" });
 * await checker.check("example.com"); // {state: "taken", source: "rdap", detail: "rdap-200", ...}
 */
export class AvailabilityChecker {
  readonly #options: AvailabilityCheckerOptions;
  readonly #cache = new TtlCache<string, AvailabilityResult>();
  readonly #gates = new Map<string, RegistryGate>();
  #bootstrap: Promise<RdapBootstrap> | undefined;
  #disposed = false;

  constructor(options: AvailabilityCheckerOptions = {}) {
    for (const key of ["timeoutMs", "maxConcurrentPerRegistry", "maxRetryAfterMs", "cacheTtlMs"] as const) {
      const value = options[key];
      if (value !== undefined && !(Number.isFinite(value) && value >= (key === "cacheTtlMs" ? 0 : 1))) {
        throw new AvailabilityOptionsError(key, "a positive finite number", value);
      }
    }
    if (options.maxRetries !== undefined && !(Number.isInteger(options.maxRetries) && options.maxRetries >= 0)) {
      throw new AvailabilityOptionsError("maxRetries", "an integer ≥ 0", options.maxRetries);
    }
    this.#options = options;
  }

  /** Checks one domain. Throws {@link InvalidDomainError} when it is not a valid registrable domain. */
  async check(input: string, options: { signal?: AbortSignal } = {}): Promise<AvailabilityResult> {
    if (this.#disposed) throw new Error("AvailabilityChecker is disposed: create a new one.");
    const validation = validateDomain(input);
    if (!validation.valid) throw new InvalidDomainError(input, validation.reason);
    const domain = validation.domain;
    const hit = this.#cache.get(domain);
    if (hit) return { ...hit, cached: true };
    const result = await this.#checkUncached(domain, options.signal);
    if (result.state !== "unknown") this.#cache.set(domain, result, this.#options.cacheTtlMs ?? 600_000);
    return result;
  }

  /** Checks many domains; validates them all first so that a bad one fails fast. Results keep input order. */
  async checkMany(inputs: readonly string[], options: { signal?: AbortSignal } = {}): Promise<AvailabilityResult[]> {
    for (const input of inputs) {
      const validation = validateDomain(input);
      if (!validation.valid) throw new InvalidDomainError(input, validation.reason);
    }
    return Promise.all(inputs.map((input) => this.check(input, options)));
  }

  /** Forgets cached answers and the loaded bootstrap. */
  dispose(): void {
    this.#disposed = true;
    this.#cache.clear();
    this.#bootstrap = undefined;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }

  async #checkUncached(domain: string, signal?: AbortSignal): Promise<AvailabilityResult> {
    const bootstrap = await this.#loadBootstrap(signal);
    const registry = bootstrap.serversFor(domain)[0];
    const rdap = registry
      ? { ...(await this.#askRegistry(registry, domain, signal)), source: "rdap" as const, registry }
      : { state: "unknown" as const, detail: "no-rdap-server", source: "none" as const };
    if (!this.#options.dns || rdap.state === "taken" || rdap.state === "reserved-or-premium") {
      return { domain, ...rdap, cached: false };
    }
    const ns = await lookupNameservers(domain, { ...this.#options.dns, signal });
    return { domain, ...combineWithDns(rdap, ns), cached: false };
  }

  async #askRegistry(
    base: string,
    domain: string,
    signal?: AbortSignal,
  ): Promise<{ state: AvailabilityState; detail: string }> {
    const {
      maxRetries = 2,
      maxRetryAfterMs = 30_000,
      defaultBackoffMs = 1000,
      timeoutMs = 5000,
      userAgent = "nomen-domains/0.1 (+https://github.com/nomen)",
    } = this.#options;
    const gate = this.#gateFor(base);
    const queryOptions = { fetch: this.#options.fetch ?? fetch, timeoutMs, userAgent, signal };
    for (let attempt = 0; ; attempt++) {
      if (gate.backoffMs > maxRetryAfterMs) return { state: "unknown", detail: "registry-backoff" };
      const outcome = await gate.run(async () => {
        await gate.waitBackoff(signal);
        return queryRdap(base, domain, queryOptions);
      }, signal);
      if (outcome.kind !== "rate-limited") return interpretRdap(domain, outcome);
      const wait = outcome.retryAfterMs ?? defaultBackoffMs * 2 ** attempt;
      gate.backOff(wait);
      if (attempt >= maxRetries || wait > maxRetryAfterMs) return interpretRdap(domain, outcome);
    }
  }

  #gateFor(base: string): RegistryGate {
    const key = new URL(base).origin;
    let gate = this.#gates.get(key);
    if (!gate) {
      gate = new RegistryGate(this.#options.maxConcurrentPerRegistry ?? 2);
      this.#gates.set(key, gate);
    }
    return gate;
  }

  #loadBootstrap(signal?: AbortSignal): Promise<RdapBootstrap> {
    const { bootstrap, bootstrapFile, bootstrapUrl, bootstrapTtlMs = 86_400_000, rdapServers = {} } = this.#options;
    const current = this.#bootstrap;
    if (current) {
      return current.then((loaded) =>
        (bootstrapFile ?? bootstrapUrl) && Date.now() - loaded.loadedAt > bootstrapTtlMs
          ? this.#reload(signal, loaded)
          : loaded,
      );
    }
    const fresh =
      bootstrap instanceof RdapBootstrap
        ? Promise.resolve(bootstrap)
        : bootstrap
          ? Promise.resolve(RdapBootstrap.fromJson(bootstrap, "the bootstrap option"))
          : loadRdapBootstrap({ file: bootstrapFile, url: bootstrapUrl, fetch: this.#options.fetch, signal });
    this.#bootstrap = fresh.then((loaded) => loaded.withOverrides(rdapServers));
    this.#bootstrap.catch(() => {
      this.#bootstrap = undefined;
    });
    return this.#bootstrap;
  }

  /** Reloads an expired bootstrap; on failure keeps using the old one (an old map beats none). */
  #reload(signal: AbortSignal | undefined, old: RdapBootstrap): Promise<RdapBootstrap> {
    const { bootstrapFile, bootstrapUrl, rdapServers = {} } = this.#options;
    this.#bootstrap = loadRdapBootstrap({ file: bootstrapFile, url: bootstrapUrl, fetch: this.#options.fetch, signal })
      .then((loaded) => loaded.withOverrides(rdapServers))
      .catch(() => old);
    return this.#bootstrap;
  }
}

function combineWithDns(
  rdap: { state: AvailabilityState; detail: string; source: "rdap" | "none"; registry?: string },
  ns: NameserverSignal,
): Omit<AvailabilityResult, "domain" | "cached"> {
  if (rdap.state === "available") {
    if (ns === "ns-absent") return rdap;
    // RDAP says free but DNS disagrees or cannot confirm: doubt means unknown.
    return { ...rdap, state: "unknown", detail: ns === "ns-present" ? "rdap-404-but-dns-ns" : "rdap-404-dns-error" };
  }
  if (ns === "ns-present") return { ...rdap, state: "taken", source: "dns", detail: `${rdap.detail}+dns-ns` };
  return rdap;
}
