import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDataset } from "@nomen/dataset-gen";
import { EXPECTED_CHARTS, RunStore } from "@nomen/evaluator";
import { beforeAll, describe, expect, it } from "vitest";
import { MissingDependencyError, UsageError } from "../errors.js";
import { tempDir } from "../testing/tempDir.js";
import { createTestIo } from "../testing/testIo.js";
import { evalCommand, readEvalItems } from "./eval.js";
import { runsCommand } from "./runs.js";

let data: string;
let companies: string;
beforeAll(async () => {
  data = join(tempDir("nomen-eval-"), "ds");
  await generateDataset({ size: 40, seed: 5, outDir: data });
  // A small made-up file in the real-companies format, so the trained judge runs without the (external) real one.
  const trades = ["bakery", "coffee", "bicycle", "garden", "dental", "pet", "tax", "yoga", "solar", "robot"];
  const places = ["lyon", "austin", "oslo", "lima", "kyoto", "perth"];
  const rows = trades.flatMap((trade, i) =>
    places.map((place, j) => {
      const name = `${trade}${place}${i}${j}`;
      return JSON.stringify({
        name,
        description: `A ${trade} business serving customers in ${place}.`,
        domain: `${trade}${place}.com`,
        industry: i % 2 ? "Consumer" : "B2B",
        source: "made-up/Winter 2020.json",
        desc_mentions_name: false,
      });
    }),
  );
  companies = join(tempDir("nomen-companies-"), "companies.jsonl");
  writeFileSync(companies, `${rows.join("\n")}\n`);
});

const io = () => createTestIo();

describe("nomen eval", () => {
  it("reads descriptions and categories of a dataset split", () => {
    const items = readEvalItems(data, "train", 3);
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.description.length).toBeGreaterThan(3);
      expect(item.category).not.toBe("unknown");
    }
    expect(() => readEvalItems(data, "nope", 3)).toThrow(UsageError);
  });

  it("scores the suggestions with the metric judge, records the run, and lists it", async () => {
    const db = join(tempDir("nomen-evaldb-"), "runs.db");
    const terminal = io();
    const flags = { data, split: "train", limit: "2", count: "2", db, demo: true, judgeData: companies };
    expect(await evalCommand(flags, terminal.io)).toBe(0);
    const result = JSON.parse(terminal.out.join("")) as {
      run: string;
      judge: string;
      overall: { value: number; n: number };
    };
    // The validated judge: relevance trained on the train split (FNV-1a(name) mod 5 ≠ 0) of the companies file.
    expect(result.judge).toMatch(/^metric judge, relevance trained on \d+ train-split rows of .*companies\.jsonl$/);
    expect(Number(result.judge.match(/on (\d+) train-split/)?.[1])).toBeLessThan(60);
    expect(result.overall.n).toBe(2);
    expect(result.overall.value).toBeGreaterThan(0);
    expect(terminal.err.join("")).toContain("judge 100%");
    const listed = io();
    await runsCommand("list", undefined, { json: true, db, dir: join(db, "..", "none") }, listed.io);
    expect(JSON.parse(listed.out.join(""))).toEqual([expect.objectContaining({ id: result.run, kind: "eval" })]);
  }, 60_000);

  it("refuses before any generation when the judge's data is missing, and labels the untrained judge", async () => {
    const db = join(tempDir("nomen-evaldb-"), "runs.db");
    const base = { data, split: "train", limit: "1", count: "1", db, demo: true };
    const missing = join(tempDir("nomen-nocompanies-"), "companies.jsonl");
    await expect(evalCommand({ ...base, judgeData: missing }, io().io)).rejects.toThrow(MissingDependencyError);
    const terminal = io();
    expect(await evalCommand({ ...base, judgeData: missing, untrainedJudge: true }, terminal.io)).toBe(0);
    expect(JSON.parse(terminal.out.join("")).judge).toBe("untrained metric judge (not the judge judgeCheck validated)");
  }, 60_000);

  const suites = fileURLToPath(new URL("../../../../datasets/suites/", import.meta.url));

  it("runs the edge-case suite, classifies its failures, compares with run A and writes the report", async () => {
    const db = join(tempDir("nomen-evaldb-"), "runs.db");
    const suite = join(suites, "edge-cases-v1.jsonl");
    const base = { suite, split: "test", limit: "10", db, demo: true, judgeData: companies };
    const first = io();
    expect(await evalCommand({ ...base, count: "1" }, first.io)).toBe(0);
    const runA = JSON.parse(first.out.join("")).run as string;
    const log = join(tempDir("nomen-trainlog-"), "loss.jsonl");
    writeFileSync(
      log,
      `${[1, 2, 3].map((step) => JSON.stringify({ step, totalSteps: 3, loss: 3 / step })).join("\n")}\n`,
    );
    const report = tempDir("nomen-report-");
    const second = io();
    const flags = { ...base, count: "2", against: runA, report, trainLog: log };
    expect(await evalCommand(flags, second.io)).toBe(0);
    const result = JSON.parse(second.out.join("")) as {
      run: string;
      failures: { items: number; failures: number; counts: Record<string, number> };
      comparison: { runA: string; runB: string; pairedItems: number; overall: { verdict: string } };
      report: { markdown: string; html: string };
    };
    expect(result.failures.items).toBe(10);
    expect(Object.values(result.failures.counts).reduce((sum, n) => sum + n, 0)).toBe(result.failures.failures);
    expect(result.comparison).toMatchObject({ runA, runB: result.run, pairedItems: 10 });
    const store = RunStore.open({ path: db });
    try {
      // The suite file's hash is recorded with the run (the demo has no model file to hash).
      expect(store.get(result.run)).toMatchObject({
        suite: "edge-cases-v1",
        datasetHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      store.dispose();
    }
    const printed = second.err.join("");
    expect(printed).toContain(`A ${runA} vs B ${result.run}: 10 paired items`);
    expect(printed).toMatch(/overall +A \d\.\d{3} \[.*\] \(n=10\) +B .* B − A .* p [\d.e-]+ +\S/);
    expect(printed).toContain("failure taxonomy (demo; one class per failed item):");
    const html = readFileSync(result.report.html, "utf8");
    for (const chart of [...EXPECTED_CHARTS, "loss"]) expect(html).toContain(`data-chart="${chart}"`);
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
    const markdown = readFileSync(result.report.markdown, "utf8");
    expect(markdown).toContain("## Failure taxonomy");
    expect(markdown).toContain("loss.jsonl: 3 points, last loss 1.0000");
  }, 60_000);

  it("measures the safety suite with the guard, and refuses a mismatched --against before generating", async () => {
    const db = join(tempDir("nomen-evaldb-"), "runs.db");
    const suite = join(suites, "safety-v1.jsonl");
    const base = { suite, split: "test", limit: "12", count: "2", db, demo: true, judgeData: companies };
    const terminal = io();
    expect(await evalCommand(base, terminal.io)).toBe(0);
    const result = JSON.parse(terminal.out.join("")) as { run: string; safety: { label: string }[] };
    // The demo has no model to ask alone: only the pipeline's row.
    expect(result.safety.map((s) => s.label)).toEqual(["demo + guard (pipeline)"]);
    expect(terminal.err.join("")).toMatch(/demo \+ guard \(pipeline\) +recall on blocked [\d.]+% \[.*\] \(n=\d+\)/);
    const edge = { ...base, suite: join(suites, "edge-cases-v1.jsonl"), against: result.run };
    await expect(evalCommand(edge, io().io)).rejects.toThrow(/evaluated "safety-v1".*same suite/);
    await expect(evalCommand({ ...base, data }, io().io)).rejects.toThrow(/--data or --suite, not both/);
    await expect(evalCommand({ ...base, against: "nope" }, io().io)).rejects.toThrow(/No eval run "nope"/);
    const file = join(tempDir("nomen-file-"), "plain");
    writeFileSync(file, "");
    await expect(evalCommand({ ...base, report: join(file, "out") }, io().io)).rejects.toThrow(/report folder/);
  }, 60_000);
});
