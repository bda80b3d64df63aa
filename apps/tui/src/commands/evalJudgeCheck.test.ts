import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../exitCodes.js";
import { tempDir } from "../testing/tempDir.js";
import { createTestIo } from "../testing/testIo.js";
import { evalJudgeCheckCommand } from "./evalJudgeCheck.js";

const io = () => createTestIo();

/** A made-up file in the real-companies format: trades × cities, so names and descriptions share words. */
function madeUpCompanies(): string {
  const trades = ["bakery", "coffee", "bicycle", "garden", "dental", "pet", "tax", "yoga", "solar", "robot"];
  const places = ["lyon", "austin", "oslo", "lima", "kyoto", "perth"];
  const rows = trades.flatMap((trade, i) =>
    places.map((place, j) =>
      JSON.stringify({
        name: `${trade}${place}${i}${j}`,
        description: `A ${trade} business serving customers in ${place}.`,
        domain: `${trade}${place}.com`,
        industry: i % 2 ? "Consumer" : "B2B",
        source: "made-up/Winter 2020.json",
        desc_mentions_name: j % 2 === 0,
      }),
    ),
  );
  const path = join(tempDir("nomen-judgecheck-"), "companies.jsonl");
  writeFileSync(path, `${rows.join("\n")}\n`);
  return path;
}

describe("nomen eval judge-check", () => {
  it("skips with exit code 3 and says why when the real-companies file is absent", async () => {
    const terminal = io();
    const missing = join(tempDir("nomen-nocompanies-"), "companies.jsonl");
    expect(await evalJudgeCheckCommand({ data: missing }, terminal.io)).toBe(ExitCode.missing);
    expect(terminal.err.join("")).toContain(`judge-check skipped: the real-companies file is not at ${missing}`);
    expect(terminal.out.join("")).toBe("");
  });

  it("prints the AUC of every scorer, overall and on no-mention rows, and the verdict on the goal", async () => {
    const terminal = io();
    expect(await evalJudgeCheckCommand({ data: madeUpCompanies(), negatives: "3" }, terminal.io)).toBe(0);
    const printed = terminal.out.join("");
    expect(printed).toMatch(/judge-check on the test split of .*: \d+ descriptions × 3 shuffled domains/);
    for (const scorer of ["char-trigram baseline", "metric judge, untrained features", "metric judge (trained"])
      expect(printed).toMatch(
        new RegExp(
          `${scorer.replace(/[()]/g, "\\$&")}.* overall [01]\\.\\d{3} \\[.*\\] \\(n=\\d+\\)   no-mention [01]\\.\\d{3}`,
        ),
      );
    expect(printed).toMatch(/goal: no-mention AUC ≥ 0\.75 on the test split — (met|NOT met) \([01]\.\d{3}\)/);
    // Descriptions name their trade and city, so every scorer ranks the real domain first.
    expect(printed).toContain("goal: no-mention AUC ≥ 0.75 on the test split — met (1.000)");
  }, 60_000);

  it("prints JSON with --json and rejects a bad --negatives", async () => {
    const data = madeUpCompanies();
    const terminal = io();
    expect(await evalJudgeCheckCommand({ data, negatives: "2", json: true }, terminal.io)).toBe(0);
    const result = JSON.parse(terminal.out.join("")) as {
      evaluatedOn: string;
      negativesPerRow: number;
      results: unknown[];
    };
    expect(result).toMatchObject({ evaluatedOn: "test", negativesPerRow: 2 });
    expect(result.results).toHaveLength(3);
    await expect(evalJudgeCheckCommand({ data, negatives: "0" }, io().io)).rejects.toThrow(/--negatives/);
  }, 60_000);
});
