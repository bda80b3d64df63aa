import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDefaultModel } from "./defaultModel.js";

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

describe("nomen --help", () => {
  it("lists the suggest command", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "cli.ts"), "--help"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("suggest");
  });
});
