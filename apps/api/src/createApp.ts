import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { pino } from "pino";
import type { ZodError } from "zod";
import { defaultConfig, parseConfig } from "./config.js";
import type { ApiEnv } from "./env.js";
import { DescriptionTooLongError, PayloadTooLargeError, RequestValidationError, RouteNotFoundError } from "./errors.js";
import { ModelQueue } from "./ModelQueue.js";
import { ApiMetrics } from "./metrics.js";
import { accessLog } from "./middleware/accessLog.js";
import { clientAddress } from "./middleware/clientAddress.js";
import { drainGuard } from "./middleware/drainGuard.js";
import { rateLimit } from "./middleware/rateLimit.js";
import { requestTimeout } from "./middleware/requestTimeout.js";
import { problemResponse, toProblem } from "./problem.js";
import { availabilityRoutes } from "./routes/availability.js";
import { docsRoutes } from "./routes/docs.js";
import { healthRoutes } from "./routes/health.js";
import { metricsRoutes } from "./routes/metrics.js";
import type { RouteContext } from "./routes/routeContext.js";
import { suggestionRoutes } from "./routes/suggestions.js";
import type { ApiDeps } from "./types.js";

/** Every path the API serves (the access log labels others "unmatched"; the fuzz test aims at these). */
export const apiRoutes: readonly string[] = Object.freeze([
  "/v1/suggestions",
  "/suggest",
  "/v1/suggestions/stream",
  "/v1/availability",
  "/healthz",
  "/readyz",
  "/metrics",
  "/openapi.json",
  "/docs",
]);
const knownRoutes = new Set(apiRoutes);

/**
 * Builds the Nomen HTTP API around injected dependencies (the suggest pipeline, an availability checker, a
 * readiness probe). Serve it with {@link startServer}, or call `app.request()` in tests.
 *
 * @example
 * const app = createApp({ suggester, availability, ready: () => true, config: { logLevel: "silent" } });
 * const res = await app.request("/v1/suggestions", { method: "POST", headers: { "content-type": "application/json" },
 *   body: JSON.stringify({ business_description: "organic coffee shop downtown" }) });
 */
export function createApp(deps: ApiDeps): OpenAPIHono<ApiEnv> {
  const config = parseConfig({ ...defaultConfig, ...deps.config }, "createApp deps.config");
  const logger = deps.logger ?? pino({ level: config.logLevel });
  const queue = new ModelQueue(config.queue);
  const metrics = new ApiMetrics({ queue, processMetrics: deps.processMetrics ?? true });
  const context: RouteContext = { deps, config, queue, metrics };

  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.onError(function handleError(error, c) {
    const result = toProblem(error, c.get("requestId"));
    const log = c.get("logger") ?? logger;
    if (result.unexpected && c.req.raw.signal.aborted) {
      log.info({ reason: String(c.req.raw.signal.reason) }, "client closed the request");
      return problemResponse(c, {
        problem: { ...result.problem, status: 499, title: "Client closed request" },
        headers: {},
      });
    }
    if (result.unexpected) log.error({ err: error }, "unexpected error");
    return problemResponse(c, result);
  });
  app.notFound(function handleNotFound(c) {
    return problemResponse(c, toProblem(new RouteNotFoundError(c.req.method, c.req.path), c.get("requestId")));
  });

  app.use(requestId({ limitLength: 64 }));
  app.use(accessLog({ logger, metrics, routes: knownRoutes }));
  if (config.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: config.corsOrigins.includes("*") ? "*" : config.corsOrigins,
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["content-type", "x-request-id"],
        exposeHeaders: ["retry-after", "x-request-id", "ratelimit-remaining"],
        maxAge: 600,
      }),
    );
  }
  app.use(drainGuard({ isDraining: deps.isDraining ?? (() => false) }));
  app.use(requestTimeout({ timeoutMs: config.requestTimeoutMs }));
  const limiter = rateLimit({
    ...config.rateLimit,
    keyOf: (c) => clientAddress(c, { trustProxy: config.trustProxy, trustedHops: config.trustedProxyHops }),
    onLimited: () => metrics.rejected.inc({ reason: "rate-limit" }),
  });
  app.use("/v1/*", limiter);
  app.use("/suggest", limiter);
  app.use(
    bodyLimit({
      maxSize: config.bodyLimitBytes,
      onError: () => {
        metrics.rejected.inc({ reason: "body-limit" });
        throw new PayloadTooLargeError(config.bodyLimitBytes);
      },
    }),
  );

  suggestionRoutes(app, context);
  availabilityRoutes(app, context);
  healthRoutes(app, context);
  metricsRoutes(app, context);
  docsRoutes(app);
  return app;
}

/** Turns a failed zod validation into a 422 problem (a too-long description gets its own problem type). */
function validationHook(result: { success: true } | { success: false; error: ZodError; target: string }, _c: Context) {
  if (result.success) return;
  const issues = result.error.issues;
  const tooLong = issues.find((issue) => issue.code === "too_big" && issue.path[0] === "business_description");
  if (tooLong && tooLong.code === "too_big") throw new DescriptionTooLongError(Number(tooLong.maximum));
  const errors = issues
    .slice(0, 20)
    .map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message }));
  const fields = errors.map((error) => error.path).join(", ");
  const part = result.target === "json" ? "body" : result.target;
  throw new RequestValidationError(`The request ${part} is invalid at: ${fields}.`, errors, {
    cause: result.error,
  });
}
