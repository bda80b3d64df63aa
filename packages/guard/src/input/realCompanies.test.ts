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

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (the split rule; same as evaluator's `fnv1a32`). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

describe("the split hash", () => {
  it("is FNV-1a 32-bit over UTF-8 bytes (reference vectors, non-ASCII names included)", () => {
    // "", "a", "foobar" from the FNV reference test suite; the others computed over the UTF-8 bytes.
    // Hashing UTF-16 code units or Latin-1 bytes instead gives 0xb3369d9c for "Café".
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
    expect(fnv1a("Café")).toBe(0xcfc290a9);
    expect(fnv1a("東京")).toBe(0x68dea76f);
  });
});

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
