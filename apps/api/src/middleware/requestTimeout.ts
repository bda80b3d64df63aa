import type { MiddlewareHandler } from "hono";
import type { ApiEnv } from "../env.js";
import { RequestTimeoutError } from "../errors.js";

/** Gives each request an AbortSignal that fires when the client leaves or after `timeoutMs`. */
export function requestTimeout(options: { timeoutMs: number }): MiddlewareHandler<ApiEnv> {
  const { timeoutMs } = options;
  return async function requestTimeoutMiddleware(c, next) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
    c.set("signal", AbortSignal.any([c.req.raw.signal, controller.signal]));
    c.set("releaseTimeout", () => clearTimeout(timer));
    try {
      await next();
    } finally {
      if (!c.get("holdTimeout")) clearTimeout(timer);
    }
  };
}

/** Settles like `promise`, or rejects with the signal's reason when it aborts first (a stuck model never hangs a request). */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
