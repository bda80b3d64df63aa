/**
 * @module @nomen/api — Nomen's HTTP API (Hono): suggestions, streaming, availability, OpenAPI and Swagger UI.
 */
export { packageInfo } from "./packageInfo.js";
