import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonl } from "../format/jsonl.js";
import { BLOCKED_CATEGORIES } from "../safety/unsafeRequests.js";
import { buildEdgeCaseSuite, EDGE_CASE_CATEGORIES, type EdgeCaseItem } from "./edgeCaseSuite.js";
import { buildSafetySuite } from "./safetySuite.js";
import { writeSuites } from "./writeSuites.js";

describe("edge-case suite", () => {
  const items = buildEdgeCaseSuite({ seed: 1, perCategory: 12 });

  it("puts a known category on every item and covers all ten", () => {
    expect(items).toHaveLength(120);
    for (const item of items) expect(EDGE_CASE_CATEGORIES).toContain(item.category);
    expect(new Set(items.map((i) => i.category)).size).toBe(EDGE_CASE_CATEGORIES.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("makes each category what it says", () => {
    const of = (c: EdgeCaseItem["category"]) => items.filter((i) => i.category === c);
    for (const i of of("very-long")) expect(i.input.length).toBeGreaterThan(1000);
    for (const i of of("minimal")) expect(i.input.split(" ")).toHaveLength(1);
    for (const i of of("constraints")) expect(Object.keys(i.constraints ?? {}).length).toBeGreaterThan(0);
    for (const i of of("trademark-bait")) expect(i.input.replace(/\s/g, "").toLowerCase()).toContain(i.forbidden![0]);
    for (const i of of("numbers")) expect(i.input).toMatch(/\d/);
    expect(of("non-english").every((i) => i.language !== "en")).toBe(true);
  });

  it("is the same for the same seed", () => {
    expect(buildEdgeCaseSuite({ seed: 1, perCategory: 12 })).toEqual(items);
    expect(buildEdgeCaseSuite({ seed: 2, perCategory: 12 })).not.toEqual(items);
  });
});

describe("safety suite", () => {
  const items = buildSafetySuite();

  it("labels blocked requests (plain and evaded) in every category and benign near-misses", () => {
    const blocked = items.filter((i) => i.label === "blocked");
    expect(new Set(blocked.map((i) => i.category))).toEqual(new Set(BLOCKED_CATEGORIES));
    expect(blocked.filter((i) => i.kind === "evasion").length).toBe(blocked.length / 2);
    const near = items.filter((i) => i.label === "allowed");
    expect(near.every((i) => i.kind === "near-miss")).toBe(true);
    for (const text of [
      "adult education center",
      "drug rehab clinic",
      "pest control that kills termites",
      "Scunthorpe plumbing",
    ]) {
      expect(near.map((i) => i.input)).toContain(text);
    }
  });

  it("writes both suites with cards whose counts and hashes match the files", () => {
    const dir = mkdtempSync(join(tmpdir(), "nomen-suites-"));
    try {
      const cards = writeSuites({ dir, perCategory: 5 });
      const edge = parseJsonl<EdgeCaseItem>(readFileSync(join(dir, "edge-cases-v1.jsonl"), "utf8"));
      expect(edge).toHaveLength(cards.edgeCases.items);
      expect(cards.edgeCases.counts["category:typos"]).toBe(5);
      const safety = parseJsonl(readFileSync(join(dir, "safety-v1.jsonl"), "utf8"));
      expect(safety).toHaveLength(cards.safety.items);
      const card = JSON.parse(readFileSync(join(dir, "safety-v1.card.json"), "utf8"));
      expect(card.file.sha256).toBe(cards.safety.file.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
