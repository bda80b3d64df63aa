import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** Options for {@link clientAddress}. */
export interface ClientAddressOptions {
  /** Read `X-Forwarded-For` (only behind proxies you run). Defaults to false: the socket's peer. */
  trustProxy?: boolean;
  /** How many proxies of yours each appended one `X-Forwarded-For` hop. Defaults to 1. */
  trustedHops?: number;
}

/**
 * The client's address: the socket's peer or, behind trusted proxies, the `X-Forwarded-For` hop the outermost
 * trusted proxy appended (the `trustedHops`-th from the right). Hops left of it are written by the client itself,
 * so they never identify it: a client rotating them would dodge the rate limit and evict real clients.
 */
export function clientAddress(c: Context, options: ClientAddressOptions = {}): string {
  const { trustProxy = false, trustedHops = 1 } = options;
  if (trustProxy) {
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    // Fewer hops than trusted proxies: the leftmost is still one a trusted proxy wrote.
    const forwarded = hops[Math.max(0, hops.length - trustedHops)];
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "local"; // in-process requests (app.request in tests) have no socket
  }
}
