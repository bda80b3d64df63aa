import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { filterNames } from "./filterNames.js";

// Recorded by scripts/recordVerdicts.ts from the filter before it was made faster: every dataset
// target in datasets/v1 plus brand look-alikes, profanity, near-misses and evasions (186k names).
const rows = gunzipSync(readFileSync(new URL("../fixtures/filter-verdicts.tsv.gz", import.meta.url)))
  .toString("utf8")
  .split("\n");
rows.pop();

describe("filterNames: recorded verdicts", () => {
  it("reproduces every recorded verdict (kept, or dropped with the same rule and reason)", () => {
    const names = rows.map((row) => row.split("\t")[0]!);
    const { kept, dropped } = filterNames(names);
    const actual = new Map<string, string>(kept.map((domain) => [domain, domain]));
    for (const drop of dropped) actual.set(drop.domain, `${drop.domain}\t${drop.rule}\t${drop.reason}`);
    const mismatches = rows.filter((row) => actual.get(row.split("\t")[0]!) !== row);
    expect(mismatches.slice(0, 20).map((row) => [row, actual.get(row.split("\t")[0]!)])).toEqual([]);
    expect(kept.length + dropped.length).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(150_000);
  }, 60_000);
});
