import { loadConfig, startServer } from "@nomen/api";
import { openBackend } from "../backend.js";
import { UsageError } from "../errors.js";
import { type CommandIo, processIo } from "../terminal.js";

/** Flags of `nomen serve`. */
export interface ServeFlags {
  host?: string;
  port?: string;
  model?: string;
  adapter?: string;
  demo?: boolean;
  /** The API's JSON config file (else `$NOMEN_API_CONFIG`). */
  apiConfig?: string;
}

/** `nomen serve`: the HTTP API on the chosen model until SIGINT/SIGTERM, then a graceful drain. Resolves on exit. */
export async function serveCommand(flags: ServeFlags, io: CommandIo = processIo): Promise<number> {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new UsageError(`--port must be an integer in 0–65535, got ${JSON.stringify(flags.port)}.`);
  }
  const overrides = Object.fromEntries(Object.entries({ host: flags.host, port }).filter(([, v]) => v !== undefined));
  const config = loadConfig({ file: flags.apiConfig, env: io.env, overrides });
  const backend = await openBackend({ model: flags.model, adapter: flags.adapter, demo: flags.demo });
  const server = await startServer({ ...backend, ready: () => true, config });
  io.stderr.write(`nomen: serving ${backend.label}\nnomen: ${server.url}  (docs: ${server.url}/docs)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.stderr.write("nomen: draining in-flight requests…\n");
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  await backend.dispose();
  return 0;
}
