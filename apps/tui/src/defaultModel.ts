import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the embedded default model lives: `models/` at the repository root (or beside the installed package). */
export interface DefaultModelPaths {
  base: string;
  adapter: string;
}

/** Options for {@link findDefaultModel}. */
export interface FindDefaultModelOptions {
  /** Directory to start searching upward from. Defaults to this module's directory. */
  from?: string;
  /**
   * Environment to read `NOMEN_MODELS_DIR` from: when set, the default model is looked for in that folder only
   * (no upward search). Defaults to `process.env`.
   */
  env?: Record<string, string | undefined>;
}

const BASE_FILE = "nomen-base.gguf";
const ADAPTER_FILE = "nomen-lora.gguf";

/**
 * Finds the default base model: in `$NOMEN_MODELS_DIR` when set, else in the nearest `models/` folder above
 * `from`; `undefined` when none is there.
 */
export function findDefaultModel(options: FindDefaultModelOptions = {}): DefaultModelPaths | undefined {
  const modelsDir = (options.env ?? process.env).NOMEN_MODELS_DIR;
  if (modelsDir) {
    const base = resolve(modelsDir, BASE_FILE);
    return existsSync(base) ? { base, adapter: resolve(modelsDir, ADAPTER_FILE) } : undefined;
  }
  let dir = resolve(options.from ?? dirname(fileURLToPath(import.meta.url)));
  for (;;) {
    const base = join(dir, "models", BASE_FILE);
    if (existsSync(base)) return { base, adapter: join(dir, "models", ADAPTER_FILE) };
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export const defaultModelFiles = { base: BASE_FILE, adapter: ADAPTER_FILE } as const;
