import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { ConfigFileError } from "./errors.js";

const cliConfigSchema = z.strictObject({
  /** A Llama/Qwen2 GGUF to use instead of the embedded default model. */
  model: z.string().optional(),
  /** A LoRA adapter GGUF. */
  adapter: z.string().optional(),
  count: z.number().int().min(1).max(20),
  tlds: z.array(z.string()).min(1).optional(),
  style: z.string().optional(),
  maxLength: z.number().int().min(1).max(63).optional(),
  /** Check availability of each suggestion in the app. */
  checkAvailability: z.boolean(),
  /** Where the shortlist, history and exports go. */
  dataDir: z.string(),
  /** Where runs (dataset, train, eval) are recorded. */
  runsDir: z.string(),
});

/** The `nomen` command's settings. */
export type CliConfig = z.infer<typeof cliConfigSchema>;

/** Defaults: 10 suggestions, availability checked, state in `$XDG_DATA_HOME/nomen` (or `~/.local/share/nomen`). */
export function defaultCliConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  const dataHome = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return { count: 10, checkAvailability: true, dataDir: join(dataHome, "nomen"), runsDir: "runs" };
}

/** Options for {@link loadCliConfig}. */
export interface LoadCliConfigOptions {
  /** A YAML or JSON file. Defaults to `$NOMEN_CONFIG`, then `./nomen.config.yaml`, then `~/.config/nomen/config.yaml`. */
  file?: string;
  /** Command-line flags (undefined values are ignored). */
  flags?: Partial<CliConfig>;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Layers defaults < config file < flags and validates the result (throws {@link ConfigFileError}). */
export function loadCliConfig(options: LoadCliConfigOptions = {}): CliConfig & { configFile?: string } {
  const env = options.env ?? process.env;
  const file = options.file ?? env.NOMEN_CONFIG ?? findConfigFile(options.cwd ?? process.cwd(), env);
  const fromFile = file ? readConfigFile(file) : {};
  const flags = Object.fromEntries(Object.entries(options.flags ?? {}).filter(([, value]) => value !== undefined));
  const parsed = cliConfigSchema.safeParse({ ...defaultCliConfig(env), ...fromFile, ...flags });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigFileError(`Invalid settings (${file ?? "flags"}): ${issues.join("; ")}`, { cause: parsed.error });
  }
  return { ...parsed.data, configFile: file };
}

function findConfigFile(cwd: string, env: Record<string, string | undefined>): string | undefined {
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return [join(cwd, "nomen.config.yaml"), join(configHome, "nomen", "config.yaml")].find((path) => existsSync(path));
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new ConfigFileError(`Cannot read the config file ${path}.`, { cause });
  }
  let value: unknown;
  try {
    // Loaded only when a config file exists: most `nomen suggest` runs have none, and every cold start counts.
    const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
    value = parse(text);
  } catch (cause) {
    throw new ConfigFileError(`The config file ${path} is not valid YAML/JSON.`, { cause });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigFileError(`The config file ${path} must hold a mapping (key: value), got ${typeof value}.`);
  }
  return value as Record<string, unknown>;
}
