import type { Context, MiddlewareHandler } from "hono";
import { RateLimitedError } from "../errors.js";

/** Options for {@link rateLimit}. */
export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  perMinute: number;
  /** Bucket size: requests a client may send at once. */
  burst: number;
  /** Who the client is. */
  keyOf: (c: Context) => string;
  /** Clients remembered at most (least recently seen are forgotten), so spoofed keys cannot grow memory. Defaults to 10,000. */
  maxClients?: number;
  /** Clock in ms. Defaults to `Date.now`. */
  now?: () => number;
  /** Called when a request is refused. */
  onLimited?: () => void;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Per-client token bucket: 429 with `Retry-After` once a client's bucket is empty. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { perMinute, burst, keyOf, maxClients = 10_000, now = Date.now, onLimited } = options;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  return async function rateLimitMiddleware(c, next) {
    const key = keyOf(c);
    const nowMs = now();
    const bucket = buckets.get(key) ?? { tokens: burst, updatedMs: nowMs };
    bucket.tokens = Math.min(burst, bucket.tokens + (nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
    buckets.delete(key); // re-insert: Map order doubles as least-recently-seen order
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens < 1) {
      onLimited?.();
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)));
    }
    bucket.tokens -= 1;
    c.header("RateLimit-Remaining", String(Math.floor(bucket.tokens)));
    await next();
  };
}
