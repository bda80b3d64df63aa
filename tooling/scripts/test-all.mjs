#!/usr/bin/env node
// Runs every package's vitest project in one process and prints the closing line CI reads:
// `N passed, N failed` (after an `N skipped` line when tests were skipped), summed from vitest's JSON reporter. Exits non-zero on any failure or when no test ran.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const out = join(root, ".vitest-results.json");
rmSync(out, { force: true });
const vitest = join(root, "node_modules", ".bin", "vitest");
const run = spawnSync(
  vitest,
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, NO_COLOR: process.env.NO_COLOR ?? "1" } },
);
if (!existsSync(out)) {
  console.log("0 passed, 1 failed");
  console.error(`vitest wrote no JSON report (exit ${run.status}, signal ${run.signal})`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(out, "utf8"));
const passed = report.numPassedTests ?? 0;
// A file that failed to load (syntax error, missing import) has no test results: count it as one failure.
const brokenFiles = (report.testResults ?? []).filter((f) => f.status === "failed" && f.assertionResults.length === 0);
const failed = (report.numFailedTests ?? 0) + brokenFiles.length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// Skipped tests (data beside the repo absent) are counted so they cannot drop out unnoticed — on the line before the
// summary, because CI reads the last line as exactly `N passed, N failed`.
if (skipped > 0) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status !== 0 || failed > 0 || passed === 0 ? 1 : 0);
