import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../env.js";
import { ensureReady, problemResponses, type RouteContext } from "./routeContext.js";

/** `GET /healthz` (the process answers) and `GET /readyz` (the model is loaded). */
export function healthRoutes(app: OpenAPIHono<ApiEnv>, context: RouteContext): void {
  const started = Date.now();
  app.openapi(
    createRoute({
      method: "get",
      path: "/healthz",
      tags: ["operations"],
      summary: "Liveness: the process answers",
      responses: {
        200: {
          description: "Alive.",
          content: {
            "application/json": { schema: z.object({ status: z.literal("ok"), uptime_seconds: z.number() }) },
          },
        },
        ...problemResponses(503),
      },
    }),
    (c) => c.json({ status: "ok" as const, uptime_seconds: Math.round((Date.now() - started) / 1000) }, 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/readyz",
      tags: ["operations"],
      summary: "Readiness: the model is loaded and requests are accepted",
      responses: {
        200: {
          description: "Ready.",
          content: { "application/json": { schema: z.object({ status: z.literal("ready") }) } },
        },
        ...problemResponses(503),
      },
    }),
    async (c) => {
      await ensureReady(context.deps);
      return c.json({ status: "ready" as const }, 200);
    },
  );
}
