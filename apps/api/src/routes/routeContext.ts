import type { ApiConfig } from "../config.js";
import { NotReadyError } from "../errors.js";
import type { ModelQueue } from "../ModelQueue.js";
import type { ApiMetrics } from "../metrics.js";
import { problemSchema } from "../schemas.js";
import type { ApiDeps } from "../types.js";

/** What every route module receives from `createApp`. */
export interface RouteContext {
  deps: ApiDeps;
  config: ApiConfig;
  queue: ModelQueue;
  metrics: ApiMetrics;
}

/** Throws {@link NotReadyError} until the model is loaded. */
export async function ensureReady(deps: ApiDeps): Promise<void> {
  if (!(await deps.ready())) throw new NotReadyError();
}

const problemDescriptions: Record<number, string> = {
  400: "Malformed JSON or a body that is not an object.",
  404: "No such route.",
  413: "The body is over the size limit.",
  415: "The body is not sent as application/json.",
  422: "The request breaks the schema (including a description over the length limit).",
  429: "Rate limit reached; see Retry-After.",
  503: "Busy (queue full), not ready, or shutting down; see Retry-After.",
  504: "The request timed out.",
};

/** OpenAPI `responses` entries for the problem statuses a route can answer with. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemDescriptions[status] ?? "Error.",
        content: { "application/problem+json": { schema: problemSchema } },
      },
    ]),
  );
}
