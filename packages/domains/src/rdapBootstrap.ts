import { readFile } from "node:fs/promises";
import { RdapBootstrapError } from "./errors.js";

/** IANA's RDAP bootstrap file for DNS (RFC 9224), as published at https://data.iana.org/rdap/dns.json. */
export interface RdapBootstrapJson {
  readonly version?: string;
  readonly publication?: string;
  readonly description?: string;
  readonly services: ReadonlyArray<readonly [readonly string[], readonly string[]]>;
}

/**
 * A small, real excerpt of IANA's dns.json: Verisign (com, net) and Public Interest Registry (org).
 * Load the full file with {@link loadRdapBootstrap} for other TLDs; names under a TLD with no entry
 * get the state `unknown`, never `available`.
 */
export const DEFAULT_RDAP_BOOTSTRAP: RdapBootstrapJson = Object.freeze<RdapBootstrapJson>({
  description: "Excerpt of IANA RDAP bootstrap for DNS (dns.json), shipped with @nomen/domains",
  services: [
    [["com"], ["https://rdap.verisign.com/com/v1/"]],
    [["net"], ["https://rdap.verisign.com/net/v1/"]],
    [["org"], ["https://rdap.publicinterestregistry.org/rdap/"]],
  ],
});

/** Maps a domain to the RDAP base URLs of its registry (longest suffix match, RFC 9224 §4). */
export class RdapBootstrap {
  readonly #servers: ReadonlyMap<string, readonly string[]>;
  readonly loadedAt: number;

  private constructor(servers: ReadonlyMap<string, readonly string[]>, loadedAt: number) {
    this.#servers = servers;
    this.loadedAt = loadedAt;
  }

  /** Builds a bootstrap from dns.json content; throws {@link RdapBootstrapError} when its shape is wrong. */
  static fromJson(json: unknown, source = "an object"): RdapBootstrap {
    const services = (json as RdapBootstrapJson | null)?.services;
    if (!Array.isArray(services)) throw new RdapBootstrapError(source, 'it has no "services" array');
    const servers = new Map<string, string[]>();
    for (const [index, service] of services.entries()) {
      const [suffixes, urls] = Array.isArray(service) ? service : [];
      if (!isStringArray(suffixes) || !isStringArray(urls) || urls.length === 0) {
        throw new RdapBootstrapError(source, `services[${index}] is not [[suffix, ...], [url, ...]]`);
      }
      // RFC 9224 §4: prefer https URLs when a service lists several.
      const ordered = [...urls].sort((a, b) => Number(b.startsWith("https:")) - Number(a.startsWith("https:")));
      for (const suffix of suffixes) servers.set(suffix.toLowerCase().replace(/^\./, ""), ordered);
    }
    return new RdapBootstrap(servers, Date.now());
  }

  /** The base URLs for `domain` (ASCII), best first, or `[]` when no registry publishes RDAP for it. */
  serversFor(domain: string): readonly string[] {
    const labels = domain.toLowerCase().split(".");
    for (let start = 0; start < labels.length; start++) {
      const found = this.#servers.get(labels.slice(start).join("."));
      if (found) return found;
    }
    return [];
  }

  /** A copy with `overrides` (suffix → base URL) taking precedence. */
  withOverrides(overrides: Readonly<Record<string, string>>): RdapBootstrap {
    const merged = new Map(this.#servers);
    for (const [suffix, url] of Object.entries(overrides)) merged.set(suffix.toLowerCase().replace(/^\./, ""), [url]);
    return new RdapBootstrap(merged, this.loadedAt);
  }
}

export interface LoadRdapBootstrapOptions {
  /** Path of a saved dns.json (offline use). Takes precedence over `url`. */
  readonly file?: string;
  /** Where to fetch dns.json, e.g. `https://data.iana.org/rdap/dns.json`. No default: nothing is fetched unless asked. */
  readonly url?: string;
  /** Fetch implementation. Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Milliseconds before a fetch is abandoned. Defaults to 10,000. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** Loads dns.json from a file or a URL; with neither, returns {@link DEFAULT_RDAP_BOOTSTRAP}. */
export async function loadRdapBootstrap(options: LoadRdapBootstrapOptions = {}): Promise<RdapBootstrap> {
  const { file, url, timeoutMs = 10_000, signal } = options;
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, { encoding: "utf8", signal });
    } catch (cause) {
      throw new RdapBootstrapError(file, "the file cannot be read", { cause });
    }
    return RdapBootstrap.fromJson(parseJson(text, file), file);
  }
  if (url !== undefined) {
    const doFetch = options.fetch ?? fetch;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw new RdapBootstrapError(url, "the request failed", { cause });
    }
    if (!response.ok) throw new RdapBootstrapError(url, `the server answered HTTP ${response.status}`);
    return RdapBootstrap.fromJson(parseJson(await response.text(), url), url);
  }
  return RdapBootstrap.fromJson(DEFAULT_RDAP_BOOTSTRAP, "the built-in snapshot");
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RdapBootstrapError(source, "it is not JSON", { cause });
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
