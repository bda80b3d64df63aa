import type { MiddlewareHandler } from "hono";
import { ShuttingDownError } from "../errors.js";

/** Refuses new requests with 503 (and `Connection: close`) while the server drains for shutdown. */
export function drainGuard(options: { isDraining: () => boolean }): MiddlewareHandler {
  const { isDraining } = options;
  return async function drainGuardMiddleware(_c, next) {
    if (isDraining()) throw new ShuttingDownError();
    await next();
  };
}
