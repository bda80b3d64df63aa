import { readFileSync } from "node:fs";
import { MAX_DESCRIPTION_LENGTH } from "@nomen/suggest";
import { z } from "zod";
import { ApiConfigError } from "./errors.js";

const configSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(0).max(65535),
    logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    bodyLimitBytes: z.number().int().positive(),
    /** At most `@nomen/suggest`'s MAX_DESCRIPTION_LENGTH (the pipeline refuses longer ones anyway). */
    maxDescriptionLength: z.number().int().positive().max(MAX_DESCRIPTION_LENGTH),
    requestTimeoutMs: z.number().int().positive(),
    rateLimit: z.strictObject({
      /** Sustained requests per minute per client. */
      perMinute: z.number().positive(),
      /** Requests a client may send at once before the sustained rate applies. */
      burst: z.number().int().positive(),
    }),
    queue: z.strictObject({
      /** Requests the model works on at once. */
      concurrency: z.number().int().positive(),
      /** Requests that may wait for a slot; more get 503. */
      maxQueued: z.number().int().min(0),
      /** Longest wait for a slot before 503 (keep it under requestTimeoutMs, so overload is a 503, not a 504). */
      maxWaitMs: z.number().int().positive().default(10_000),
    }),
    /** Origins allowed by CORS: `[]` sends no CORS headers, `["*"]` allows any. */
    corsOrigins: z.array(z.string()),
    /** Identify clients by `X-Forwarded-For` (only behind proxies you run): the hop your outermost proxy appended. */
    trustProxy: z.boolean(),
    /** Proxies of yours in front of the API, each appending one `X-Forwarded-For` hop (used with trustProxy). */
    trustedProxyHops: z.number().int().min(1).max(16).default(1),
    /** How long shutdown waits for in-flight requests before cutting connections. */
    drainTimeoutMs: z.number().int().min(0),
  })
  .strict();

/** The API's settings. */
export type ApiConfig = z.infer<typeof configSchema>;
/** Settings as given (fields with defaults may be left out). */
export type ApiConfigInput = z.input<typeof configSchema>;

/** Defaults: loopback only, 16 KiB bodies, 2,000-character descriptions, 30 s timeout, 10 s longest queue wait, 120/min per client. */
export const defaultConfig: ApiConfig = Object.freeze({
  host: "127.0.0.1",
  port: 8787,
  logLevel: "info",
  bodyLimitBytes: 16 * 1024,
  maxDescriptionLength: MAX_DESCRIPTION_LENGTH,
  requestTimeoutMs: 30_000,
  rateLimit: { perMinute: 120, burst: 30 },
  queue: { concurrency: 2, maxQueued: 64, maxWaitMs: 10_000 },
  corsOrigins: [],
  trustProxy: false,
  trustedProxyHops: 1,
  drainTimeoutMs: 10_000,
}) as ApiConfig;

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Environment to read `NOMEN_API_*` from. Defaults to `process.env`. */
  env?: Record<string, string | undefined>;
  /** A JSON config file. Defaults to `$NOMEN_API_CONFIG` when set. */
  file?: string;
  /** Highest-priority settings (e.g. command-line flags). */
  overrides?: Partial<ApiConfigInput>;
}

/** Layers defaults < config file < environment < overrides, and validates the result (throws {@link ApiConfigError}). */
export function loadConfig(options: LoadConfigOptions = {}): ApiConfig {
  const env = options.env ?? process.env;
  const file = options.file ?? env.NOMEN_API_CONFIG;
  const layered = { ...defaultConfig, ...(file ? readConfigFile(file) : {}), ...fromEnv(env), ...options.overrides };
  return parseConfig(layered, file ? `defaults + ${file} + environment` : "defaults + environment");
}

/** Validates a whole config object (throws {@link ApiConfigError}). */
export function parseConfig(value: unknown, source = "config"): ApiConfig {
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ApiConfigError(`Invalid API configuration (${source}): ${issues.join("; ")}`, { cause: parsed.error });
  }
  return parsed.data;
}

function readConfigFile(path: string): Partial<ApiConfigInput> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new ApiConfigError(`Cannot read the API config file ${path}. Hint: check NOMEN_API_CONFIG.`, { cause });
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a JSON object");
    return value as Partial<ApiConfigInput>;
  } catch (cause) {
    throw new ApiConfigError(`The API config file ${path} is not a JSON object.`, { cause });
  }
}

const numberVars = {
  NOMEN_API_PORT: "port",
  NOMEN_API_BODY_LIMIT_BYTES: "bodyLimitBytes",
  NOMEN_API_MAX_DESCRIPTION_LENGTH: "maxDescriptionLength",
  NOMEN_API_REQUEST_TIMEOUT_MS: "requestTimeoutMs",
  NOMEN_API_DRAIN_TIMEOUT_MS: "drainTimeoutMs",
  NOMEN_API_TRUSTED_PROXY_HOPS: "trustedProxyHops",
} as const;

function fromEnv(env: Record<string, string | undefined>): Partial<ApiConfigInput> {
  const out: Record<string, unknown> = {};
  if (env.NOMEN_API_HOST) out.host = env.NOMEN_API_HOST;
  if (env.NOMEN_API_LOG_LEVEL) out.logLevel = env.NOMEN_API_LOG_LEVEL;
  for (const [name, key] of Object.entries(numberVars)) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new ApiConfigError(`${name} must be a number, got ${JSON.stringify(raw)}.`);
    out[key] = value;
  }
  if (env.NOMEN_API_CORS_ORIGINS !== undefined) {
    out.corsOrigins = env.NOMEN_API_CORS_ORIGINS.split(",")
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
  if (env.NOMEN_API_TRUST_PROXY !== undefined) out.trustProxy = env.NOMEN_API_TRUST_PROXY === "true";
  return out as Partial<ApiConfigInput>;
}
