import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { resolveRequest } from "@nomen/suggest";
import { streamSSE } from "hono/streaming";
import type { ApiEnv } from "../env.js";
import { raceSignal } from "../middleware/requestTimeout.js";
import { toProblem } from "../problem.js";
import { suggestBodySchema, suggestQuerySchema, suggestResponseSchema } from "../schemas.js";
import type { Suggestion, SuggestRequest, SuggestResponse, SuggestStreamItem } from "../types.js";
import { ensureReady, problemResponses, type RouteContext } from "./routeContext.js";

/** `POST /v1/suggestions`, its alias `POST /suggest`, and `GET /v1/suggestions/stream` (Server-Sent Events). */
export function suggestionRoutes(app: OpenAPIHono<ApiEnv>, context: RouteContext): void {
  const { deps, config, queue, metrics } = context;
  const body = suggestBodySchema(config.maxDescriptionLength);
  const postRoute = (path: string, summary: string) =>
    createRoute({
      method: "post",
      path,
      tags: ["suggestions"],
      summary,
      request: { body: { required: true, content: { "application/json": { schema: body } } } },
      responses: {
        200: {
          description: "Suggestions, best first; or `status: blocked` for a request the safety policy refuses.",
          content: { "application/json": { schema: suggestResponseSchema } },
        },
        ...problemResponses(400, 413, 415, 422, 429, 503, 504),
      },
    });

  const suggest = async (request: SuggestRequest, signal: AbortSignal): Promise<ResponseBody> => {
    await ensureReady(deps);
    const response = await queue.run(() => raceSignal(deps.suggester.suggest(request, { signal }), signal), { signal });
    metrics.suggestions.inc({ status: response.status });
    return exactShape(response);
  };
  for (const [path, summary] of [
    ["/v1/suggestions", "Suggest domain names for a business description"],
    ["/suggest", "Alias of POST /v1/suggestions"],
  ] as const) {
    app.openapi(postRoute(path, summary), async (c) =>
      c.json(await suggest(c.req.valid("json"), c.get("signal")), 200),
    );
  }

  const streamRoute = createRoute({
    method: "get",
    path: "/v1/suggestions/stream",
    tags: ["suggestions"],
    summary: "Stream suggestions as Server-Sent Events, each as soon as it is ready",
    description:
      "Events: `suggestion` ({domain, confidence}), then `done` ({status: success, count}); or `blocked` " +
      "({suggestions: [], status: blocked, message}); or `error` (problem details) when the stream fails midway.",
    request: { query: suggestQuerySchema(config.maxDescriptionLength) },
    responses: {
      200: { description: "An event stream.", content: { "text/event-stream": { schema: z.string() } } },
      ...problemResponses(422, 429, 503, 504),
    },
  });
  app.openapi(streamRoute, async (c) => {
    const request = c.req.valid("query");
    // Once the event stream starts the status is 200: check the request as the pipeline will (include words
    // against allow_digits and max_length, description after whitespace folding) while a 422 can still be sent.
    resolveRequest(request);
    await ensureReady(deps);
    const signal = c.get("signal");
    const release = await queue.acquire({ signal });
    c.set("holdTimeout", true);
    return streamSSE(c, async (stream) => {
      let count = 0;
      try {
        for await (const item of untilAborted(deps.suggester.stream(request, { signal }), signal)) {
          if ("status" in item) {
            metrics.suggestions.inc({ status: "blocked" });
            const blocked = { suggestions: [], status: "blocked", message: item.message };
            await stream.writeSSE({ event: "blocked", data: JSON.stringify(blocked) });
            return;
          }
          const suggestion = { domain: item.domain, confidence: item.confidence };
          await stream.writeSSE({ event: "suggestion", id: String(count), data: JSON.stringify(suggestion) });
          count += 1;
        }
        metrics.suggestions.inc({ status: "success" });
        await stream.writeSSE({ event: "done", data: JSON.stringify({ status: "success", count }) });
      } catch (error) {
        const { problem, unexpected } = toProblem(error, c.get("requestId"));
        if (unexpected && !c.req.raw.signal.aborted) c.get("logger").error({ err: error }, "stream failed");
        if (!c.req.raw.signal.aborted) await stream.writeSSE({ event: "error", data: JSON.stringify(problem) });
      } finally {
        release();
        c.get("releaseTimeout")();
      }
    });
  });
}

/** The JSON body (fresh, mutable arrays). */
type ResponseBody =
  | { suggestions: Suggestion[]; status: "success" }
  | { suggestions: Suggestion[]; status: "blocked"; message: string };

/** The response with exactly the documented keys, whatever else the pipeline attached. */
function exactShape(response: SuggestResponse): ResponseBody {
  if (response.status === "blocked") return { suggestions: [], status: "blocked", message: response.message };
  return {
    suggestions: response.suggestions.map(({ domain, confidence }) => ({ domain, confidence })),
    status: "success",
  };
}

/** Iterates `items`, but stops waiting (and closes the source) as soon as `signal` aborts. */
async function* untilAborted(
  items: AsyncIterable<SuggestStreamItem>,
  signal: AbortSignal,
): AsyncGenerator<SuggestStreamItem> {
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await raceSignal(iterator.next(), signal);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void iterator.return?.()?.catch(() => {});
  }
}
