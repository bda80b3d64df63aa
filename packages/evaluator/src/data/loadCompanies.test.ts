import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultCompaniesPath } from "./loadCompanies.js";

describe("defaultCompaniesPath", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const repo = () => {
    const root = mkdtempSync(join(tmpdir(), "nomen-repo-"));
    dirs.push(root);
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
    const module = join(root, "packages", "evaluator", "dist", "data");
    mkdirSync(module, { recursive: true });
    return { root, module };
  };

  it("resolves beside the repository root found above the module, whatever the working directory", () => {
    const { root, module } = repo();
    const path = defaultCompaniesPath({ env: {}, from: module });
    expect(path).toBe(resolve(root, "..", "shared", "data", "real-companies", "companies.jsonl"));
  });

  it("prefers $NOMEN_COMPANIES_PATH", () => {
    const { module } = repo();
    const path = defaultCompaniesPath({ env: { NOMEN_COMPANIES_PATH: "/data/mine.jsonl" }, from: module });
    expect(path).toBe("/data/mine.jsonl");
  });

  it("from this package resolves to the real-companies file beside this checkout", () => {
    const expected = resolve(import.meta.dirname, "../../../../../shared/data/real-companies/companies.jsonl");
    expect(defaultCompaniesPath({ env: {} })).toBe(expected);
  });
});
