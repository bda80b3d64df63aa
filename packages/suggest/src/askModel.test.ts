import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { afterAll, describe, expect, it } from "vitest";
import { askModel } from "./askModel.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("askModel", () => {
  it("answers each description in order with the grammar, fitting a long one as the pipeline does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ask-model-"));
    dirs.push(dir);
    const { path } = await writeTinyModel({ path: join(dir, "tiny.gguf"), contextLength: 1024 });
    const seen: number[] = [];
    const answer = await askModel({
      modelPath: path,
      descriptions: ["a bakery in Lyon", "x".repeat(3000), "a dog walker"],
      count: 2,
      maxTokens: 64,
      tlds: ["com"],
      onAnswer: (index) => seen.push(index),
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(answer.results).toHaveLength(3);
    // 3,000 byte tokens do not fit the 1,024-token context: the description is shortened, not an error.
    expect(answer.errors.size).toBe(0);
    for (const result of answer.results) {
      expect(result.tokens).toBeGreaterThan(0);
      for (const { domain } of result.suggestions) expect(domain).toMatch(/^[a-z0-9-]+\.com$/);
    }
    expect(answer.backend).toContain("cpu");
  }, 60_000);

  it("records a generation that cannot run as an empty answer when told to, and throws otherwise", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ask-model-"));
    dirs.push(dir);
    const { path } = await writeTinyModel({ path: join(dir, "tiny.gguf") });
    // The runtime rejects a TLD that is not a DNS label (InvalidOptionsError) for every description.
    const bad = { modelPath: path, descriptions: ["a bakery", "a dog walker"], maxTokens: 64, tlds: ["c o m"] };
    const answer = await askModel({ ...bad, continueOnError: true });
    expect([...answer.errors.keys()]).toEqual([0, 1]);
    expect(answer.errors.get(0)).toContain("c o m");
    expect(answer.results[0]).toMatchObject({ suggestions: [], blocked: false });
    await expect(askModel(bad)).rejects.toThrow(/c o m/);
  }, 60_000);
});
