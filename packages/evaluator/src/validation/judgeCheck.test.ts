import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isTestSplit } from "../data/fnv1a.js";
import { EvaluationAbortedError, InvalidSampleError } from "../errors.js";
import type { Progress } from "../steps.js";
import { judgeCheck } from "./judgeCheck.js";

const dir = mkdtempSync(join(tmpdir(), "nomen-judgecheck-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Company names that land in the test split (FNV-1a mod 5 = 0) or not. */
function names(count: number, test: boolean): string[] {
  const found: string[] = [];
  for (let i = 0; found.length < count; i++) if (isTestSplit(`Co${i}`) === test) found.push(`Co${i}`);
  return found;
}

function dataset(rows: { name: string; domain: string }[]): string {
  const path = join(dir, `${rows.length}-${rows[0]?.domain}.jsonl`);
  const lines = rows.map((r) => JSON.stringify({ ...r, description: `${r.name} sells payment software` }));
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("judgeCheck input validation", () => {
  it("throws InvalidSampleError instead of looping when the evaluated rows share one domain", async () => {
    const rows = [
      ...names(3, true).map((name) => ({ name, domain: "same.com" })),
      ...names(3, false).map((name, i) => ({ name, domain: `train${i}.com` })),
    ];
    await expect(judgeCheck({ dataPath: dataset(rows) })).rejects.toThrow(InvalidSampleError);
  });

  it("throws InvalidSampleError when no row is evaluated", async () => {
    const rows = names(4, false).map((name, i) => ({ name, domain: `train${i}.com` }));
    await expect(judgeCheck({ dataPath: dataset(rows) })).rejects.toThrow(/at least 2 distinct domains/);
  });
});

describe("judgeCheck cancellation", () => {
  it("rejects with EvaluationAbortedError when aborted after the first progress event", async () => {
    const rows = [
      ...names(6, true).map((name, i) => ({ name, domain: `test${i}.com` })),
      ...names(20, false).map((name, i) => ({ name, domain: `train${i}.com` })),
    ];
    const controller = new AbortController();
    const events: Progress[] = [];
    const check = judgeCheck({
      dataPath: dataset(rows),
      signal: controller.signal,
      onProgress: (p) => {
        events.push(p);
        controller.abort();
      },
    });
    await expect(check).rejects.toThrow(EvaluationAbortedError);
    expect(events).toHaveLength(1);
  }, 30_000);
});
