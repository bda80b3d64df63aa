import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkInput } from "./checkInput.js";

/**
 * Real companies' descriptions (YC directory), kept outside the repo. Nearly all are ordinary
 * businesses, so refusals are false positives. Only the test split is reported (FNV-1a 32 of the
 * name mod 5 = 0); the rest was used to find near-miss rules.
 */
const path =
  process.env.NOMEN_COMPANIES ??
  new URL("../../../../../shared/data/real-companies/companies.jsonl", import.meta.url).pathname;
const present = existsSync(path);
if (!present) console.info(`guard: real companies file not found at ${path}; skipping (set NOMEN_COMPANIES)`);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

describe.skipIf(!present)("checkInput on real companies' descriptions (test split)", () => {
  it("refuses at most 1% of them", () => {
    const rows = readFileSync(path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { name: string; description: string })
      .filter((row) => fnv1a(row.name) % 5 === 0);
    const refused = rows.filter((row) => !checkInput(row.description).allowed);
    console.info(`guard real companies (test split): refused ${refused.length}/${rows.length}`);
    expect(refused.length / rows.length, refused.map((r) => r.name).join(", ")).toBeLessThanOrEqual(0.01);
  }, 60_000);
});
