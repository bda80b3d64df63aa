import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EXPECTED_CHARTS, renderInChromium } from "@nomen/evaluator";
import { describe, expect, it } from "vitest";
import type { CommandIo } from "../terminal.js";
import { tempDir } from "../testing/tempDir.js";
import { evalCommand } from "./eval.js";

/**
 * Renders `nomen eval --report` in headless Chromium. Out of CI (it needs Debian's `chromium`): run it with
 * `pnpm --filter nomen test:chromium` (sets NOMEN_CHROMIUM=1).
 */
const wanted = process.env.NOMEN_CHROMIUM === "1";
const hasChromium = (() => {
  if (!wanted) return false;
  try {
    execFileSync("chromium", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (wanted && !hasChromium) console.warn("render test skipped: apt-get install -y chromium to run it.");

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function io(): CommandIo & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: () => {} },
    env: { XDG_CONFIG_HOME: tempDir("nomen-cfg-") },
  };
}

describe.skipIf(!hasChromium)("nomen eval --report in headless Chromium", () => {
  it("renders every chart (criteria, deltas, failures, loss) with a size", async () => {
    const db = join(tempDir("nomen-evaldb-"), "runs.db");
    const companies = join(tempDir("nomen-companies-"), "companies.jsonl");
    const trades = ["bakery", "coffee", "bicycle", "garden", "dental", "pet", "tax", "yoga", "solar", "robot"];
    writeFileSync(
      companies,
      `${trades
        .flatMap((trade, i) =>
          ["lyon", "oslo", "lima", "perth"].map((place, j) =>
            JSON.stringify({
              name: `${trade}${place}${i}${j}`,
              description: `A ${trade} business in ${place}.`,
              domain: `${trade}${place}.com`,
              industry: "B2B",
              source: "made-up",
              desc_mentions_name: false,
            }),
          ),
        )
        .join("\n")}\n`,
    );
    const suite = join(root, "datasets/suites/edge-cases-v1.jsonl");
    const base = { suite, split: "test", limit: "8", db, demo: true, judgeData: companies };
    const first = io();
    await evalCommand({ ...base, count: "1" }, first);
    const runA = JSON.parse(first.out.join("")).run as string;
    const lossLog = join(root, "models/runs/base-v1/loss.jsonl");
    const trainLog = existsSync(lossLog) ? lossLog : join(tempDir("nomen-log-"), "loss.jsonl");
    if (trainLog !== lossLog) writeFileSync(trainLog, '{"step":1,"loss":3}\n{"step":2,"loss":2}\n');
    const report = tempDir("nomen-report-");
    const second = io();
    await evalCommand({ ...base, count: "2", against: runA, report, trainLog }, second);
    const { html } = JSON.parse(second.out.join("")).report as { html: string };
    const charts = [...EXPECTED_CHARTS, "loss"];
    const screenshot = join(report, "report.png");
    const { dom, sizes } = renderInChromium(html, { charts, screenshot });
    expect(Object.keys(sizes).sort()).toEqual([...charts].sort());
    expect(dom).toContain("nomen eval: edge-cases-v1");
    expect(existsSync(screenshot)).toBe(true);
  }, 120_000);
});
