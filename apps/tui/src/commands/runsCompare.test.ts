import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunStore } from "@nomen/evaluator";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { createTestIo } from "../testing/testIo.js";
import { runsCommand } from "./runs.js";

const dir = mkdtempSync(join(tmpdir(), "nomen-compare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two runs of the same 60 items; B scores 1.5 higher on every "a" item and equal on "b" items. */
function recordRuns(db: string): [string, string] {
  const store = RunStore.open({ path: db });
  try {
    const items = (shift: number) =>
      Array.from({ length: 60 }, (_, i) => {
        const category = i % 2 === 0 ? "a" : "b";
        const overall = 5 + (i % 7) / 3 + (category === "a" ? shift : 0);
        return { itemId: String(i), category, overall, scores: { relevance: overall } };
      });
    const info = (model: string) => ({
      model,
      dataset: "d",
      suite: "s",
      config: {},
      seed: 1,
      backend: "test",
      durationMs: 1,
    });
    return [store.record(info("base"), items(0)), store.record(info("lora"), items(1.5))];
  } finally {
    store.dispose();
  }
}

describe("nomen runs compare", () => {
  const db = join(dir, "runs.db");
  const [a, b] = recordRuns(db);

  it("pairs the items and says B is better overall and on category a, not on b", async () => {
    const { io, out } = createTestIo();
    expect(await runsCommand("compare", a, { db, dir }, io, b)).toBe(0);
    const text = out.join("");
    expect(text).toContain("60 paired items");
    expect(text).toMatch(/^overall .* B − A 0\.750 \[.*\] \(n=60\) .* B better$/m);
    expect(text).toMatch(/^a .* B − A 1\.500 .* B better$/m);
    expect(text).toMatch(/^b .* B − A 0\.000 .* no significant difference$/m);
  });

  it("prints JSON with --json and refuses unknown or missing ids", async () => {
    const { io, out } = createTestIo();
    await runsCommand("compare", a, { db, dir, json: true }, io, b);
    expect(JSON.parse(out.join("")).overall.verdict).toBe("B better");
    await expect(runsCommand("compare", a, { db, dir }, createTestIo().io, "nope")).rejects.toThrow(UsageError);
    await expect(runsCommand("compare", a, { db, dir }, createTestIo().io)).rejects.toThrow(UsageError);
  });
});
