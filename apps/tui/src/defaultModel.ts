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
}

const BASE_FILE = "nomen-base.gguf";
const ADAPTER_FILE = "nomen-lora.gguf";

/** Finds the nearest `models/` folder holding the default base model, or `undefined` when none ships yet. */
export function findDefaultModel(options: FindDefaultModelOptions = {}): DefaultModelPaths | undefined {
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
