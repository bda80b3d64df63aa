import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../env.js";
import { raceSignal } from "../middleware/requestTimeout.js";
import { availabilityBodySchema, availabilityResponseSchema } from "../schemas.js";
import { problemResponses, type RouteContext } from "./routeContext.js";

/** `POST /v1/availability`: honest availability (available, taken or unknown) for up to 50 domains. */
export function availabilityRoutes(app: OpenAPIHono<ApiEnv>, context: RouteContext): void {
  const { deps } = context;
  const route = createRoute({
    method: "post",
    path: "/v1/availability",
    tags: ["availability"],
    summary: "Check whether domains are available to register",
    request: { body: { required: true, content: { "application/json": { schema: availabilityBodySchema } } } },
    responses: {
      200: {
        description: "One result per domain.",
        content: { "application/json": { schema: availabilityResponseSchema } },
      },
      ...problemResponses(400, 413, 415, 422, 429, 504),
    },
  });
  app.openapi(route, async (c) => {
    const { domains } = c.req.valid("json");
    const signal = c.get("signal");
    const results = await raceSignal(deps.availability.check(domains, { signal }), signal);
    return c.json({ results: results.map(({ domain, status, source }) => ({ domain, status, source })) }, 200);
  });
}
