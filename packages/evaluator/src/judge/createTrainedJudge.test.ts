import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EvaluationAbortedError } from "../errors.js";
import { WordNet } from "../lexicon/WordNet.js";
import { createTrainedJudge, createTrainedJudgeAsync } from "./createTrainedJudge.js";

const wordnet = WordNet.load();
const dir = mkdtempSync(join(tmpdir(), "nomen-trained-judge-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const themes = [
  ["Bakery bread and pastry shop", "bread", "Consumer"],
  ["Payments, invoices and banking for startups", "pay", "Fintech"],
  ["Robots for warehouse automation", "robo", "Industrials"],
  ["Clinic software for doctors and patients", "med", "Healthcare"],
] as const;
const suffixes = ["hub", "base", "nest", "line", "wave", "core", "spot", "lab", "box", "kit"];

function companies(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => {
    const [text, stem, industry] = themes[i % themes.length] as (typeof themes)[number];
    const domain = `${stem}${suffixes[Math.floor(i / 4) % 10]}${Math.floor(i / 40) || ""}.com`;
    return JSON.stringify({
      name: `Company ${i}`,
      description: `${text} ${i}`,
      domain,
      industry,
      source: "x/S21.json",
    });
  });
  return `${lines.join("\n")}\n`;
}

const probes = [
  ["Fresh bread for cafes", "breadplus.com"],
  ["Invoices for freelancers", "paykit.co"],
  ["Warehouse robots", "medwave.io"],
];

describe("createTrainedJudge cache", () => {
  it("saves the trained model and a later call loads one that scores identically", () => {
    const dataPath = join(dir, "companies.jsonl");
    const cachePath = join(dir, "cache", "relevance.json");
    writeFileSync(dataPath, companies(80));
    const fresh = createTrainedJudge({ dataPath, cachePath, wordnet });
    expect(existsSync(cachePath)).toBe(true);
    const written = statSync(cachePath).mtimeMs;
    const loaded = createTrainedJudge({ dataPath, cachePath, wordnet });
    expect(statSync(cachePath).mtimeMs).toBe(written);
    expect(loaded.relevance).not.toBe(fresh.relevance);
    for (const [description, domain] of probes) {
      expect(loaded.relevance.score(description as string, domain as string)).toBe(
        fresh.relevance.score(description as string, domain as string),
      );
      expect(loaded.scoreList(description as string, [domain as string])).toEqual(
        fresh.scoreList(description as string, [domain as string]),
      );
    }
  }, 60_000);

  it("retrains when the data file changes (the key holds its SHA-256)", () => {
    const dataPath = join(dir, "changing.jsonl");
    const cachePath = join(dir, "changing-cache.json");
    writeFileSync(dataPath, companies(60));
    createTrainedJudge({ dataPath, cachePath, wordnet });
    const firstKey = JSON.parse(readFileSync(cachePath, "utf8")).key as string;
    writeFileSync(dataPath, companies(64));
    createTrainedJudge({ dataPath, cachePath, wordnet });
    const secondKey = JSON.parse(readFileSync(cachePath, "utf8")).key as string;
    expect(secondKey).not.toBe(firstKey);
    expect(secondKey.split(":")[0]).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("the async variant rejects with EvaluationAbortedError when aborted after the first progress event", async () => {
    const dataPath = join(dir, "abort.jsonl");
    writeFileSync(dataPath, companies(60));
    const controller = new AbortController();
    let events = 0;
    const judge = createTrainedJudgeAsync({
      dataPath,
      cachePath: false,
      wordnet,
      signal: controller.signal,
      onProgress: () => {
        events++;
        controller.abort();
      },
    });
    await expect(judge).rejects.toThrow(EvaluationAbortedError);
    expect(events).toBe(1);
  });
});
