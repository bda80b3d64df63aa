/**
 * RFC 9457 problem details: the one error shape of the API.
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */

import { STATUS_CODES } from "node:http";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "./errors.js";
import { fromPipelineError } from "./pipelineErrors.js";

/** The problem-details object every error response carries (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request id, so a client's report can be matched to the server's log line. */
  instance?: string;
  [extension: string]: unknown;
}

export const problemContentType = "application/problem+json";

/** A problem and the headers that go with it. */
export interface ProblemResult {
  problem: ProblemDetails;
  headers: Record<string, string>;
  /** True for errors the server did not expect (logged at error level). */
  unexpected: boolean;
}

/** Maps any thrown value to problem details; unexpected errors become a 500 without internal details. */
export function toProblem(thrown: unknown, requestId?: string): ProblemResult {
  const instance = requestId ? `urn:nomen:request:${requestId}` : undefined;
  const error = fromPipelineError(thrown) ?? thrown;
  if (error instanceof ApiError) {
    return {
      problem: {
        type: problemType(error.slug),
        title: error.title,
        status: error.status,
        detail: error.message,
        instance,
        ...withoutStandardMembers(error.extensions),
      },
      headers: error.headers,
      unexpected: false,
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    const title = STATUS_CODES[error.status] ?? "Error";
    return {
      problem: {
        type: problemType(slugOf(title)),
        title,
        status: error.status,
        detail: error.message || title,
        instance,
      },
      headers: {},
      unexpected: false,
    };
  }
  return {
    problem: {
      type: problemType("internal"),
      title: "Internal server error",
      status: 500,
      detail: "The server failed to answer this request. Hint: quote the instance id when reporting it.",
      instance,
    },
    headers: {},
    unexpected: true,
  };
}

/** A Response carrying `problem` as `application/problem+json` (keeping headers middleware set, e.g. the request id). */
export function problemResponse(c: Context, result: Pick<ProblemResult, "problem" | "headers">): Response {
  return c.newResponse(JSON.stringify(result.problem), result.problem.status as ContentfulStatusCode, {
    ...result.headers,
    "content-type": problemContentType,
  });
}

const standardMembers = new Set(["type", "title", "status", "detail", "instance"]);

function withoutStandardMembers(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => !standardMembers.has(key)));
}

function problemType(slug: string): string {
  return `urn:nomen:problem:${slug}`;
}

function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
