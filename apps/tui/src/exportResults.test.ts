import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportResults, toCsv } from "./exportResults.js";
import { tempDir } from "./testing/tempDir.js";

describe("exportResults", () => {
  it("writes RFC 4180 CSV, quoting cells that need it", () => {
    expect(toCsv([{ domain: "a.com", confidence: 0.9, availability: 'odd, "x"' }])).toBe(
      'domain,confidence,availability\r\na.com,0.9,"odd, ""x"""\r\n',
    );
  });

  it("writes JSON with the description, to a timestamped file", () => {
    const dir = tempDir("nomen-export-");
    const path = exportResults({
      rows: [{ domain: "a.com", confidence: 0.9 }],
      description: "bakery",
      format: "json",
      dir,
      now: new Date("2026-11-28T12:00:00.000Z"),
    });
    expect(path).toBe(join(dir, "nomen-2026-11-28T12-00-00-000Z.json"));
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      business_description: "bakery",
      suggestions: [{ domain: "a.com", confidence: 0.9 }],
    });
  });
});
