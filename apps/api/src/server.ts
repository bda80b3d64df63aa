import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type ApiConfig, defaultConfig, parseConfig } from "./config.js";
import { createApp } from "./createApp.js";
import { ServerListenError } from "./errors.js";
import type { ApiDeps } from "./types.js";

/** Options for {@link startServer}: the app's dependencies; `config` also carries host, port and drain timeout. */
export type StartServerOptions = Omit<ApiDeps, "isDraining">;

/** A listening server. */
export interface RunningServer {
  /** `http://host:port` actually bound (port 0 picks a free one). */
  readonly url: string;
  readonly config: ApiConfig;
  /** Requests being answered right now. */
  readonly inFlight: number;
  /**
   * Graceful shutdown: stop accepting, answer new requests on open connections with 503, wait up to
   * `drainTimeoutMs` for in-flight requests (streams included), then close every connection.
   */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Starts the API on `config.host:config.port` (defaults 127.0.0.1:8787). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = parseConfig({ ...defaultConfig, ...options.config }, "startServer config");
  let draining = false;
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  const app = createApp({ ...options, config, isDraining: () => draining });

  const server = serve({
    fetch: app.fetch,
    hostname: config.host,
    port: config.port,
    serverOptions: { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 },
  }) as Server; // plain HTTP/1.1: no createServer option is passed
  server.on("request", (_request, response) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) onIdle?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", resolve);
    server.once("error", (cause) => reject(new ServerListenError(config.host, config.port, { cause })));
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, config.drainTimeoutMs);
          onIdle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      server.closeAllConnections();
      await closed;
    })();
    return closing;
  };
  return {
    url: `http://${host}:${address.port}`,
    config,
    get inFlight() {
      return inFlight;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
