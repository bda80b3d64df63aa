import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { afterAll, describe, expect, it } from "vitest";
import { askModel } from "./askModel.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("askModel", () => {
  it("answers each description in order with the grammar, and records a failed generation when told to", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ask-model-"));
    dirs.push(dir);
    const { path } = await writeTinyModel({ path: join(dir, "tiny.gguf") });
    const seen: number[] = [];
    const answer = await askModel({
      modelPath: path,
      descriptions: ["a bakery in Lyon", "x".repeat(3000), "a dog walker"],
      count: 2,
      maxTokens: 64,
      tlds: ["com"],
      continueOnError: true,
      onAnswer: (index) => seen.push(index),
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(answer.results).toHaveLength(3);
    expect([...answer.errors.keys()]).toEqual([1]); // 3,000 byte tokens do not fit the 1,024 context
    expect(answer.results[1]).toMatchObject({ suggestions: [], blocked: false });
    for (const i of [0, 2]) {
      for (const { domain } of answer.results[i]!.suggestions) expect(domain).toMatch(/^[a-z0-9-]+\.com$/);
    }
    expect(answer.backend).toContain("cpu");
    await expect(askModel({ modelPath: path, descriptions: ["x".repeat(3000)], maxTokens: 64 })).rejects.toThrow();
  }, 60_000);
});
