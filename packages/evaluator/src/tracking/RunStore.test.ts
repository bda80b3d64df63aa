import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareRuns } from "../compare/compareRuns.js";
import { DisposedError, RunNotFoundError } from "../errors.js";
import { seededRandom } from "../stats/random.js";
import { hashFile, hashText } from "./hashFile.js";
import { type ItemScore, type RunInfo, RunStore } from "./RunStore.js";

const dir = mkdtempSync(join(tmpdir(), "nomen-runs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const info = (model: string): RunInfo => ({
  model,
  modelHash: hashText(model),
  dataset: "edge-cases",
  datasetVersion: "1",
  datasetHash: "abc",
  suite: "edge",
  config: { temperature: 0.2 },
  seed: 7,
  backend: "cpu",
  durationMs: 12.5,
});

function items(shift: number): ItemScore[] {
  const random = seededRandom(5);
  return Array.from({ length: 60 }, (_, i) => {
    const overall = 5 + random() * 2 + shift;
    return {
      itemId: `item-${i}`,
      category: i % 2 ? "short" : "long",
      overall,
      scores: { relevance: overall, format: 10 },
    };
  });
}

describe("RunStore", () => {
  it("records runs in SQLite on disk and compares them by item", () => {
    const path = join(dir, "runs.db");
    const store = RunStore.open({ path });
    const a = store.record(info("v1"), items(0), { note: "baseline" });
    const b = store.record(info("v2"), items(1));
    store.dispose();

    using reopened = RunStore.open({ path });
    const listed = reopened.list();
    expect(listed.map((r) => r.id).sort()).toEqual([a, b].sort());
    const run = reopened.get(a);
    expect(run).toMatchObject({
      model: "v1",
      seed: 7,
      backend: "cpu",
      items: 60,
      config: { temperature: 0.2 },
      summary: { note: "baseline" },
    });
    const comparison = compareRuns({ store: reopened, runA: a, runB: b });
    expect(comparison.pairedItems).toBe(60);
    expect(comparison.overall.verdict).toBe("B better");
    expect(comparison.overall.delta.value).toBeCloseTo(1, 6);
    expect(Object.keys(comparison.byCategory)).toEqual(["long", "short"]);
    expect(Object.keys(comparison.byCriterion)).toEqual(["relevance", "format"]);
    expect(() => reopened.get("nope")).toThrow(RunNotFoundError);
  });

  it("refuses use after dispose", () => {
    const store = RunStore.open({ path: ":memory:" });
    store.dispose();
    expect(store.disposed).toBe(true);
    expect(() => store.list()).toThrow(DisposedError);
  });

  it("hashes files by streaming", async () => {
    const file = join(dir, "model.gguf");
    writeFileSync(file, "GGUF test bytes");
    expect(await hashFile(file)).toBe(hashText("GGUF test bytes"));
  });
});
