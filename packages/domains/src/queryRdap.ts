/** What one RDAP request said, before any interpretation as availability. */
export type RdapOutcome =
  | { readonly kind: "found"; readonly status: number; readonly body: unknown }
  | { readonly kind: "not-found"; readonly status: number }
  | { readonly kind: "rate-limited"; readonly status: number; readonly retryAfterMs: number | undefined }
  | { readonly kind: "error"; readonly detail: string; readonly status?: number };

export interface QueryRdapOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly userAgent: string;
  readonly signal?: AbortSignal;
  /** The clock an HTTP-date `Retry-After` is measured against. Defaults to `Date.now`. */
  readonly now?: () => number;
}

/**
 * Asks one RDAP server about `domain` (`GET {base}domain/{name}`). Never throws for network or
 * server trouble (those become `error` outcomes); only a caller's abort propagates.
 */
export async function queryRdap(baseUrl: string, domain: string, options: QueryRdapOptions): Promise<RdapOutcome> {
  const url = `${baseUrl}${baseUrl.endsWith("/") ? "" : "/"}domain/${encodeURIComponent(domain)}`;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await options.fetch(url, {
      signal,
      headers: { accept: "application/rdap+json, application/json", "user-agent": options.userAgent },
    });
    const { status } = response;
    if (status === 200) {
      const text = await response.text();
      try {
        return { kind: "found", status, body: JSON.parse(text) };
      } catch {
        return { kind: "error", status, detail: "rdap-invalid-json" };
      }
    }
    await response.body?.cancel();
    if (status === 404) return { kind: "not-found", status };
    const retryAfter = response.headers.get("retry-after");
    if (status === 429 || (status === 503 && retryAfter !== null)) {
      return { kind: "rate-limited", status, retryAfterMs: parseRetryAfter(retryAfter, (options.now ?? Date.now)()) };
    }
    return { kind: "error", status, detail: `rdap-http-${status}` };
  } catch {
    if (options.signal?.aborted) throw options.signal.reason;
    return { kind: "error", detail: timeout.aborted ? "rdap-timeout" : "rdap-network-error" };
  }
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
