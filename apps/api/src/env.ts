import type { Logger } from "pino";

/** Per-request values the middleware sets for the routes. */
export interface ApiVariables {
  requestId: string;
  /** Aborts when the client goes away, the request times out, or the server cuts connections. */
  signal: AbortSignal;
  /** Stops the request timer: a stream calls it when it ends (the middleware clears it for plain responses). */
  releaseTimeout: () => void;
  /** Set by a route that answers with a stream and owns the timer from then on. */
  holdTimeout: boolean;
  logger: Logger;
}

/** The Hono environment of the API. */
export interface ApiEnv {
  Variables: ApiVariables;
}
