import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDefaultModel } from "./defaultModel.js";

const cli = join(import.meta.dirname, "cli.ts");
// Resolved here, so the command can run from any working directory.
const tsx = import.meta.resolve("tsx");

/** Runs the real command line (stdout/stdin are pipes here, not a terminal). */
function nomen(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return spawnSync(process.execPath, ["--import", tsx, cli, ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    timeout: 60_000,
  });
}

describe("findDefaultModel", () => {
  it("finds models/nomen-base.gguf in a parent directory", () => {
    const root = mkdtempSync(join(tmpdir(), "nomen-model-"));
    mkdirSync(join(root, "models"));
    mkdirSync(join(root, "a", "b"), { recursive: true });
    writeFileSync(join(root, "models", "nomen-base.gguf"), "");
    expect(findDefaultModel({ from: join(root, "a", "b") })?.base).toBe(join(root, "models", "nomen-base.gguf"));
  });

  it("returns undefined when no models folder holds the base model", () => {
    const root = mkdtempSync(join(tmpdir(), "nomen-nomodel-"));
    expect(findDefaultModel({ from: root })).toBeUndefined();
  });
});

describe("nomen command line", { timeout: 60_000 }, () => {
  it("has --help on every command", () => {
    const top = nomen(["--help"]);
    expect(top.status).toBe(0);
    for (const command of ["suggest", "serve", "check", "runs", "dataset", "train", "eval"]) {
      expect(top.stdout).toContain(command);
    }
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
    const cwd = mkdtempSync(join(tmpdir(), "nomen-cwd-"));
    const missing = nomen(["suggest", "organic coffee shop downtown", "--json"], { cwd });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain("embedded default model is not there yet");
    expect(missing.stdout).toBe("");
    expect(nomen(["suggest"]).status).toBe(2);
    const interactive = nomen([]);
    expect(interactive.status).toBe(2);
    expect(interactive.stderr).toContain("needs a terminal");
  });
});
