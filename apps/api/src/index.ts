/**
 * @module @nomen/api — Nomen's HTTP API (Hono): suggestions, streaming, availability, OpenAPI and Swagger UI.
 */
export {
  type ApiConfig,
  type ApiConfigInput,
  defaultConfig,
  type LoadConfigOptions,
  loadConfig,
  parseConfig,
} from "./config.js";
export { apiRoutes, createApp } from "./createApp.js";
export { createDomainsAvailability, type DomainsAvailabilitySource } from "./domainsAvailability.js";
export type { ApiEnv, ApiVariables } from "./env.js";
export {
  ApiConfigError,
  ApiError,
  type ApiErrorOptions,
  DescriptionTooLongError,
  MalformedRequestError,
  NotReadyError,
  PayloadTooLargeError,
  QueueFullError,
  RateLimitedError,
  RequestTimeoutError,
  RequestValidationError,
  RouteNotFoundError,
  ServerListenError,
  ShuttingDownError,
} from "./errors.js";
export { ModelQueue, type ModelQueueOptions } from "./ModelQueue.js";
export { packageInfo } from "./packageInfo.js";
export { type ProblemDetails, problemContentType, toProblem } from "./problem.js";
export { requestLimits } from "./schemas.js";
export { type RunningServer, type StartServerOptions, startServer } from "./server.js";
export {
  type ApiDeps,
  type AvailabilityChecker,
  type AvailabilityResult,
  availabilityStatuses,
  type CallOptions,
  type Suggester,
  type Suggestion,
  type SuggestRequest,
  type SuggestResponse,
  type SuggestStreamItem,
  type SuggestStyle,
  suggestStyles,
} from "./types.js";
