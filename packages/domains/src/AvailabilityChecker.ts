import { type Clock, realClock } from "./clock.js";
import { AvailabilityOptionsError, DisposedError, InvalidDomainError } from "./errors.js";
import { type AvailabilityState, interpretRdap } from "./interpretRdap.js";
import { type LookupNameserversOptions, lookupNameservers, type NameserverSignal } from "./lookupNameservers.js";
import { queryRdap } from "./queryRdap.js";
import { RegistryGate } from "./RegistryGate.js";
import { raceSignal } from "./raceSignal.js";
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
  /** Epoch milliseconds for back-offs, the cache TTL and the bootstrap TTL. Defaults to `Date.now`. */
  readonly now?: () => number;
  /**
   * How back-offs are waited out: resolve after `ms`, reject with `signal.reason` on abort. Defaults to
   * `setTimeout` from `node:timers/promises`. Inject it (with `now`) to test back-off without sleeping.
   */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A bootstrap with our own load time (on the checker's clock), so its TTL follows `now`. */
interface LoadedBootstrap {
  readonly map: RdapBootstrap;
  readonly loadedAt: number;
}

const NUMBER_HINTS = {
  timeoutMs: "RDAP servers usually answer within 1,000 ms; 5,000 is the default",
  maxConcurrentPerRegistry: "registries rate-limit at a few requests in flight; 2 is the default",
  maxRetryAfterMs: "pass the longest wait you accept in milliseconds, e.g. 30000 (the default)",
  cacheTtlMs: "pass 0 to turn the cache off, or e.g. 600000 (ten minutes, the default)",
} as const;

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
  readonly #clock: Clock;
  readonly #cache: TtlCache<string, AvailabilityResult>;
  readonly #gates = new Map<string, RegistryGate>();
  /** Aborts shared work (the bootstrap load) on dispose; never tied to one caller's signal. */
  readonly #lifetime = new AbortController();
  #bootstrap: Promise<LoadedBootstrap> | undefined;
  #disposed = false;

  constructor(options: AvailabilityCheckerOptions = {}) {
    for (const key of ["timeoutMs", "maxConcurrentPerRegistry", "maxRetryAfterMs", "cacheTtlMs"] as const) {
      const value = options[key];
      const min = key === "cacheTtlMs" ? 0 : 1;
      if (value !== undefined && !(Number.isFinite(value) && value >= min)) {
        const expected = min === 0 ? "a finite number ≥ 0" : "a finite number ≥ 1";
        throw new AvailabilityOptionsError(key, expected, value, { hint: NUMBER_HINTS[key] });
      }
    }
    if (options.maxRetries !== undefined && !(Number.isInteger(options.maxRetries) && options.maxRetries >= 0)) {
      throw new AvailabilityOptionsError("maxRetries", "an integer ≥ 0", options.maxRetries, {
        hint: "pass 0 to never retry after a 429, or e.g. 2 (the default)",
      });
    }
    for (const key of ["now", "sleep", "fetch"] as const) {
      if (options[key] !== undefined && typeof options[key] !== "function") {
        throw new AvailabilityOptionsError(key, "a function", options[key], {
          hint: `leave "${key}" out to use the real one`,
        });
      }
    }
    this.#options = options;
    this.#clock = { now: options.now ?? realClock.now, sleep: options.sleep ?? realClock.sleep };
    this.#cache = new TtlCache(10_000, this.#clock.now);
  }

  /** Checks one domain. Throws {@link InvalidDomainError} when it is not a valid registrable domain. */
  async check(input: string, options: { signal?: AbortSignal } = {}): Promise<AvailabilityResult> {
    if (this.#disposed) throw new DisposedError("AvailabilityChecker");
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
    if (this.#disposed) throw new DisposedError("AvailabilityChecker");
    for (const input of inputs) {
      const validation = validateDomain(input);
      if (!validation.valid) throw new InvalidDomainError(input, validation.reason);
    }
    return Promise.all(inputs.map((input) => this.check(input, options)));
  }

  /** Forgets cached answers and the loaded bootstrap; a bootstrap load in flight is cancelled. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#lifetime.abort(new DisposedError("AvailabilityChecker"));
    this.#cache.clear();
    this.#bootstrap = undefined;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }

  async #checkUncached(domain: string, signal?: AbortSignal): Promise<AvailabilityResult> {
    // The load is shared by every concurrent check: each caller stops waiting on its own signal only.
    const bootstrap = await raceSignal(this.#sharedBootstrap(), signal);
    const registry = bootstrap.map.serversFor(domain)[0];
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
    const queryOptions = { fetch: this.#options.fetch ?? fetch, timeoutMs, userAgent, signal, now: this.#clock.now };
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
      gate = new RegistryGate(this.#options.maxConcurrentPerRegistry ?? 2, this.#clock);
      this.#gates.set(key, gate);
    }
    return gate;
  }

  /** The bootstrap every check shares, reloaded once its TTL has passed (file and URL sources only). */
  #sharedBootstrap(): Promise<LoadedBootstrap> {
    const { bootstrapFile, bootstrapUrl, bootstrapTtlMs = 86_400_000 } = this.#options;
    const current = this.#bootstrap;
    if (!current) return this.#startLoad(undefined);
    return current.then((loaded) => {
      const expired = (bootstrapFile ?? bootstrapUrl) && this.#clock.now() - loaded.loadedAt > bootstrapTtlMs;
      if (!expired) return loaded;
      // Another check already started the reload: share it.
      if (this.#bootstrap !== current) return this.#bootstrap ?? this.#startLoad(undefined);
      return this.#startLoad(loaded);
    });
  }

  /** Loads with the checker's own signal (aborted only by dispose); on a failed reload keeps `old` (an old map beats none). */
  #startLoad(old: LoadedBootstrap | undefined): Promise<LoadedBootstrap> {
    const { bootstrap, bootstrapFile, bootstrapUrl, rdapServers = {} } = this.#options;
    const signal = this.#lifetime.signal;
    const source =
      bootstrap instanceof RdapBootstrap
        ? Promise.resolve(bootstrap)
        : bootstrap
          ? Promise.resolve().then(() => RdapBootstrap.fromJson(bootstrap, "the bootstrap option"))
          : loadRdapBootstrap({ file: bootstrapFile, url: bootstrapUrl, fetch: this.#options.fetch, signal });
    const loading = source.then((map) => ({ map: map.withOverrides(rdapServers), loadedAt: this.#clock.now() }));
    const settled = old ? loading.catch(() => old) : loading;
    this.#bootstrap = settled;
    settled.catch(() => {
      if (this.#bootstrap === settled) this.#bootstrap = undefined;
    });
    return settled;
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
