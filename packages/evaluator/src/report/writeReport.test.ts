import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareItemScores } from "../compare/compareRuns.js";
import { bootstrapMean } from "../stats/bootstrap.js";
import { failureTable } from "../taxonomy/classifyFailure.js";
import { readTrainerLog } from "./readTrainerLog.js";
import { writeReport } from "./writeReport.js";

const dir = mkdtempSync(join(tmpdir(), "nomen-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeReport", () => {
  it("writes Markdown and self-contained HTML with every chart", () => {
    const a = Array.from({ length: 40 }, (_, i) => ({
      itemId: `${i}`,
      category: "c",
      overall: 5 + (i % 5) / 10,
      scores: { relevance: 5 },
    }));
    const b = a.map((x) => ({ ...x, overall: x.overall + 0.8, scores: { relevance: 6 } }));
    const log = join(dir, "train.jsonl");
    writeFileSync(
      log,
      `${[1, 2, 3].map((step) => JSON.stringify({ step, loss: 3 / step, valLoss: 3.2 / step })).join("\n")}\nnot json\n`,
    );
    const curves = readTrainerLog(log);
    expect(curves.map((c) => c.points.length)).toEqual([3, 3]);
    const header = join(dir, "trainer-result.json");
    writeFileSync(
      header,
      JSON.stringify({
        step: 3,
        losses: [2.5, 2.1, 1.9],
        validationLosses: [
          { step: 0, loss: 2.6 },
          { step: 3, loss: 2.0 },
        ],
      }),
    );
    expect(readTrainerLog(header, "lora")).toEqual([
      {
        label: "lora",
        points: [
          { step: 1, loss: 2.5 },
          { step: 2, loss: 2.1 },
          { step: 3, loss: 1.9 },
        ],
      },
      {
        label: "lora (validation)",
        points: [
          { step: 0, loss: 2.6 },
          { step: 3, loss: 2.0 },
        ],
      },
    ]);
    const est = (values: number[]) => bootstrapMean(values);
    const files = writeReport({
      outDir: join(dir, "out"),
      title: "v1 vs v2",
      models: [
        { name: "v1", overall: est(a.map((x) => x.overall)), criteria: { relevance: est(a.map(() => 5)) } },
        { name: "v2", overall: est(b.map((x) => x.overall)), criteria: { relevance: est(b.map(() => 6)) } },
      ],
      comparison: compareItemScores("v1", a, "v2", b),
      failures: [
        failureTable("v1", []),
        failureTable("v2", [{ id: "1", description: "d", expected: "refuse", status: "ok", suggestions: ["a.com"] }]),
      ],
      lossCurves: curves,
    });
    const html = readFileSync(files.html, "utf8");
    for (const chart of ["criteria", "deltas", "failures", "loss"]) expect(html).toContain(`data-chart="${chart}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const md = readFileSync(files.markdown, "utf8");
    expect(md).toContain("**Verdict: B better**");
    expect(md).toMatch(/n=40/);
    expect(md).toContain("| unsafe-passed | 0 | 1 |");
  });
});
