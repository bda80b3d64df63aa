import { Resolver } from "node:dns/promises";

/** What DNS says about a name's delegation: a secondary availability signal only. */
export type NameserverSignal = "ns-present" | "ns-absent" | "dns-error";

export interface LookupNameserversOptions {
  /** Resolver addresses such as `["127.0.0.1:5353"]`. Defaults to the system's resolvers. */
  readonly servers?: readonly string[];
  /** Milliseconds per try. Defaults to 2,000. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Looks up `domain`'s NS records. `ns-present` means the name is delegated (so registered);
 * `ns-absent` (NXDOMAIN or no NS) does not prove that it is free: registered names may be undelegated.
 */
export async function lookupNameservers(
  domain: string,
  options: LookupNameserversOptions = {},
): Promise<NameserverSignal> {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2000, tries: 1 });
  if (options.servers) resolver.setServers([...options.servers]);
  options.signal?.throwIfAborted();
  const cancel = () => resolver.cancel();
  options.signal?.addEventListener("abort", cancel, { once: true });
  try {
    const records = await resolver.resolveNs(domain);
    return records.length > 0 ? "ns-present" : "ns-absent";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.signal?.aborted) throw options.signal.reason;
    return code === "ENOTFOUND" || code === "ENODATA" ? "ns-absent" : "dns-error";
  } finally {
    options.signal?.removeEventListener("abort", cancel);
  }
}
