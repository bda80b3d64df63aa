import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { swaggerUI } from "@hono/swagger-ui";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../env.js";
import { RouteNotFoundError } from "../errors.js";
import { packageInfo } from "../packageInfo.js";

const assetTypes: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** `GET /openapi.json` (OpenAPI 3.1, generated from the zod schemas) and `GET /docs` (Swagger UI, assets served locally). */
export function docsRoutes(app: OpenAPIHono<ApiEnv>): void {
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Nomen API",
      version: packageInfo.version,
      description:
        "Domain names for a business description, from a small local LLM: safe, valid, and honest about availability. " +
        "Errors are RFC 9457 problem details (`application/problem+json`).",
      license: { name: "MIT", url: "https://opensource.org/license/mit" },
    },
    servers: [{ url: "/" }],
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json", baseUrl: "/assets", title: "Nomen API" }));

  const distDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const cache = new Map<string, Promise<Buffer>>();
  app.get("/assets/swagger-ui-dist/:file", async (c) => {
    const file = c.req.param("file");
    const type = assetTypes[file];
    if (!type) throw new RouteNotFoundError(c.req.method, c.req.path);
    let content = cache.get(file);
    if (!content) {
      content = readFile(join(distDir, file));
      cache.set(file, content);
    }
    return c.body(new Uint8Array(await content), 200, {
      "content-type": type,
      "cache-control": "public, max-age=86400",
    });
  });
}
