import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { compareItemScores } from "../compare/compareRuns.js";
import { bootstrapMean } from "../stats/bootstrap.js";
import { failureTable } from "../taxonomy/classifyFailure.js";
import { renderInChromium } from "./renderInChromium.js";
import { writeReport } from "./writeReport.js";

const hasChromium = (() => {
  try {
    execFileSync("chromium", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasChromium)
  console.warn("render test skipped: install Debian's chromium (apt-get install -y chromium) to run it.");

const dir = mkdtempSync(join(tmpdir(), "nomen-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasChromium)("report in headless Chromium", () => {
  it("renders every chart with a size and writes a screenshot", () => {
    const a = Array.from({ length: 50 }, (_, i) => ({
      itemId: `${i}`,
      category: i % 2 ? "x" : "y",
      overall: 5 + (i % 7) / 10,
      scores: { relevance: 5 + (i % 3) },
    }));
    const b = a.map((x) => ({ ...x, overall: x.overall + 0.5 }));
    const est = (v: number[]) => bootstrapMean(v);
    const files = writeReport({
      outDir: dir,
      title: "render test",
      models: [
        {
          name: "A",
          overall: est(a.map((x) => x.overall)),
          criteria: { relevance: est(a.map((x) => x.scores.relevance)) },
        },
        {
          name: "B",
          overall: est(b.map((x) => x.overall)),
          criteria: { relevance: est(b.map((x) => x.scores.relevance)) },
        },
      ],
      comparison: compareItemScores("A", a, "B", b),
      failures: [failureTable("A", []), failureTable("B", [])],
      lossCurves: [{ label: "train", points: [1, 2, 3, 4].map((step) => ({ step, loss: 2 / step })) }],
    });
    const screenshot = join(dir, "report.png");
    const charts = ["criteria", "deltas", "failures", "loss"];
    const { dom, sizes } = renderInChromium(files.html, { screenshot, charts });
    expect(Object.keys(sizes).sort()).toEqual([...charts].sort());
    expect(dom).toContain("render test");
    expect(existsSync(screenshot)).toBe(true);
  });
});
