import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../env.js";
import type { RouteContext } from "./routeContext.js";

/** `GET /metrics`: Prometheus text exposition. */
export function metricsRoutes(app: OpenAPIHono<ApiEnv>, context: RouteContext): void {
  const { registry } = context.metrics;
  app.openapi(
    createRoute({
      method: "get",
      path: "/metrics",
      tags: ["operations"],
      summary: "Prometheus metrics",
      responses: { 200: { description: "Prometheus text format.", content: { "text/plain": { schema: z.string() } } } },
    }),
    async (c) => c.text(await registry.metrics(), 200, { "content-type": registry.contentType }),
  );
}
