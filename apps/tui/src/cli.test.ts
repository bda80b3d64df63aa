import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDefaultModel } from "./defaultModel.js";
import { cliCommand } from "./testing/cliCommand.js";
import { tempDir } from "./testing/tempDir.js";

const command = cliCommand();

/** Runs the real command line (stdout/stdin are pipes here, not a terminal). */
function nomen(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return spawnSync(process.execPath, [...command, ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    timeout: 60_000,
  });
}

describe("findDefaultModel", () => {
  it("finds models/nomen-base.gguf in a parent directory", () => {
    const root = tempDir("nomen-model-");
    mkdirSync(join(root, "models"));
    mkdirSync(join(root, "a", "b"), { recursive: true });
    writeFileSync(join(root, "models", "nomen-base.gguf"), "");
    expect(findDefaultModel({ from: join(root, "a", "b") })?.base).toBe(join(root, "models", "nomen-base.gguf"));
  });

  it("returns undefined when no models folder holds the base model", () => {
    const root = tempDir("nomen-nomodel-");
    expect(findDefaultModel({ from: root, env: {} })).toBeUndefined();
  });

  it("looks only in NOMEN_MODELS_DIR when it is set", () => {
    const root = tempDir("nomen-models-dir-");
    mkdirSync(join(root, "models"));
    writeFileSync(join(root, "models", "nomen-base.gguf"), "");
    const empty = tempDir("nomen-empty-models-");
    expect(findDefaultModel({ from: root, env: { NOMEN_MODELS_DIR: empty } })).toBeUndefined();
    expect(findDefaultModel({ from: empty, env: { NOMEN_MODELS_DIR: join(root, "models") } })).toEqual({
      base: join(root, "models", "nomen-base.gguf"),
      adapter: join(root, "models", "nomen-lora.gguf"),
    });
  });
});

describe("nomen command line", { timeout: 60_000 }, () => {
  it("has --help on every command", () => {
    const top = nomen(["--help"]);
    expect(top.status).toBe(0);
    for (const command of ["suggest", "serve", "check", "runs", "dataset", "train", "eval"]) {
      expect(top.stdout).toContain(command);
    }
    expect(top.stdout).toContain("NOMEN_MODELS_DIR");
    const sub = nomen(["dataset", "generate", "--help"]);
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain("--size");
  });

  it("prints the API's JSON shape for suggest --json", () => {
    const run = nomen(["suggest", "organic coffee shop downtown", "--json", "--demo", "--count", "2"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      suggestions: [
        { domain: "organiccoffee.com", confidence: 0.95 },
        { domain: "coffeehq1.com", confidence: 0.91 },
      ],
      status: "success",
    });
  });

  it("exits 3 saying what is missing when there is no model, 2 on bad usage", () => {
    // An empty models folder: the answer must not depend on whether this checkout ships models/nomen-base.gguf.
    const cwd = tempDir("nomen-cwd-");
    const missing = nomen(["suggest", "organic coffee shop downtown", "--json"], {
      cwd,
      env: { NOMEN_MODELS_DIR: tempDir("nomen-no-models-") },
    });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain("embedded default model is not there yet");
    expect(missing.stdout).toBe("");
    expect(nomen(["suggest"]).status).toBe(2);
    const interactive = nomen([]);
    expect(interactive.status).toBe(2);
    expect(interactive.stderr).toContain("needs a terminal");
  });
});
