import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StateFileError } from "../errors.js";
import { tempDir } from "../testing/tempDir.js";
import { History } from "./History.js";
import { Shortlist } from "./Shortlist.js";

const dir = () => tempDir("nomen-store-");

describe("Shortlist", () => {
  it("persists toggles and survives a restart", () => {
    const dataDir = dir();
    const first = new Shortlist({ dataDir });
    expect(first.toggle({ domain: "a.com", confidence: 0.9, description: "bakery" })).toBe(true);
    expect(first.toggle({ domain: "b.io", confidence: 0.8, description: "bakery" })).toBe(true);
    expect(first.toggle({ domain: "a.com", confidence: 0.9, description: "bakery" })).toBe(false);
    const second = new Shortlist({ dataDir });
    expect(second.entries.map((entry) => entry.domain)).toEqual(["b.io"]);
    second.remove("b.io");
    expect(JSON.parse(readFileSync(join(dataDir, "shortlist.json"), "utf8"))).toEqual([]);
  });

  it("refuses a corrupt file without overwriting it", () => {
    const dataDir = dir();
    writeFileSync(join(dataDir, "shortlist.json"), "{oops");
    expect(() => new Shortlist({ dataDir })).toThrow(StateFileError);
    expect(readFileSync(join(dataDir, "shortlist.json"), "utf8")).toBe("{oops");
  });
});

describe("History", () => {
  it("keeps the newest first, without repeats, up to the limit", () => {
    const dataDir = dir();
    const history = new History({ dataDir, limit: 2 });
    history.add("a", 5);
    history.add("b", 5);
    history.add("a", 5);
    history.add("c", 5);
    expect(new History({ dataDir }).entries.map((entry) => entry.description)).toEqual(["c", "a"]);
  });
});
