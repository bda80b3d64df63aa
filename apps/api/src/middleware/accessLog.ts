import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ApiEnv } from "../env.js";
import type { ApiMetrics } from "../metrics.js";

/** Options for {@link accessLog}. */
export interface AccessLogOptions {
  logger: Logger;
  metrics: ApiMetrics;
  /** Route labels for metrics; any other path is counted as "other" (bounded label cardinality). */
  routes: ReadonlySet<string>;
}

/** One structured log line per request (with its request id), and the request-duration histogram. */
export function accessLog(options: AccessLogOptions): MiddlewareHandler<ApiEnv> {
  const { logger, metrics, routes } = options;
  return async function accessLogMiddleware(c, next) {
    const started = performance.now();
    const log = logger.child({ reqId: c.get("requestId") });
    c.set("logger", log);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routes.has(c.req.path) ? c.req.path : "other";
    const status = c.res.status;
    metrics.requestDuration.observe({ method: c.req.method, route, status: String(status) }, seconds);
    const line = { method: c.req.method, path: c.req.path.slice(0, 200), status, ms: Math.round(seconds * 1e4) / 10 };
    if (status >= 500) log.warn(line, "request failed");
    else log.info(line, "request");
  };
}
