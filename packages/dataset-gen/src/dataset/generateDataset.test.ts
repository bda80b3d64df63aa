import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildCard } from "../card/buildCard.js";
import { readDatasetCard, writeDatasetCard } from "../card/datasetCardIo.js";
import {
  DatasetAbortedError,
  DatasetIntegrityError,
  InvalidDatasetCardError,
  InvalidDatasetOptionsError,
} from "../errors.js";
import { parseAssistantTurn } from "../format/assistantTurn.js";
import { parseJsonl } from "../format/jsonl.js";
import type { ChatRecord } from "../format/records.js";
import { createTargetChecker } from "../teacher/checkTarget.js";
import { type Example, SPLITS } from "./Example.js";
import { generateDataset } from "./generateDataset.js";
import { verifyDataset } from "./verifyDataset.js";
import { splitFiles, writeDataset } from "./writeDataset.js";

// Validity and length only: the guard's output filter is exercised in checkTarget.test.ts and keeps CI fast.
const check = createTargetChecker({ isUnsafe: () => undefined });
/** Reads a dataset folder back into examples (chat + metadata lines, per split). */
function readExamples(dir: string): Example[] {
  return SPLITS.flatMap((split) => {
    const names = splitFiles(split);
    const chat = parseJsonl<ChatRecord>(readFileSync(join(dir, names.chat), "utf8"));
    const meta = parseJsonl<Omit<Example["meta"], "domains"> & { id: string; group: string }>(
      readFileSync(join(dir, names.meta), "utf8"),
    );
    return chat.map((record, i) => {
      const { id, group, ...m } = meta[i]!;
      const assistant = record.messages[2].content;
      const domains = parseAssistantTurn(assistant).suggestions;
      return { id, group, text: record.messages[1].content, assistant, split, meta: { ...m, domains } };
    });
  });
}

const root = mkdtempSync(join(tmpdir(), "nomen-dataset-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("generateDataset", async () => {
  const progress: string[] = [];
  const command = "test";
  const card = await generateDataset({
    size: 600,
    seed: 7,
    outDir: join(root, "a"),
    command,
    check,
    onProgress: (p) => progress.push(p.phase),
  });

  it("is byte-identical for the same seed and different for another", { timeout: 60_000 }, async () => {
    const again = await generateDataset({ size: 600, seed: 7, outDir: join(root, "b"), name: "a", command, check });
    const other = await generateDataset({ size: 600, seed: 8, outDir: join(root, "c"), name: "a", command, check });
    for (const file of Object.keys(card.files)) {
      expect(readFileSync(join(root, "b", file))).toEqual(readFileSync(join(root, "a", file)));
      expect(again.files[file]!.sha256).toBe(card.files[file]!.sha256);
    }
    expect(other.files["train.jsonl"]!.sha256).not.toBe(card.files["train.jsonl"]!.sha256);
    expect(readFileSync(join(root, "b", "card.json"), "utf8")).toBe(readFileSync(join(root, "a", "card.json"), "utf8"));
  });

  it("writes chat lines whose assistant turn is exactly the runtime's JSON, and matching completion lines", () => {
    const chat = parseJsonl<ChatRecord>(readFileSync(join(root, "a", "train.jsonl"), "utf8"));
    const completion = parseJsonl<{ prompt: string; completion: string }>(
      readFileSync(join(root, "a", "train.completion.jsonl"), "utf8"),
    );
    expect(chat.length).toBe(card.splits.train);
    chat.forEach((c, i) => {
      expect(completion[i]).toEqual({ prompt: c.messages[1].content, completion: c.messages[2].content });
      expect(() => parseAssistantTurn(c.messages[2].content)).not.toThrow();
    });
  });

  it("has a card whose counts match the files, no leakage, valid targets and about 10% safety examples", {
    timeout: 30_000,
  }, () => {
    const verified = verifyDataset({ dir: join(root, "a"), check });
    expect(verified.examples).toBe(600);
    expect(verified.invalidDomains).toEqual([]);
    expect(verified.crossSplitNearDuplicates).toBe(0);
    expect(card.leakage.crossSplitExactDuplicates).toBe(0);
    expect(card.splits.train + card.splits.validation + card.splits.test).toBe(600);
    expect(card.splits.validation).toBeGreaterThan(0);
    expect(card.splits.test).toBeGreaterThan(0);
    const safety = (card.counts.category["blocked"] ?? 0) + (card.counts.category["near-miss"] ?? 0);
    expect(safety / 600).toBeGreaterThan(0.07);
    expect(safety / 600).toBeLessThan(0.14);
    expect(Object.keys(card.counts.language).sort()).toEqual(["de", "en", "es", "fr"]);
    expect(Object.keys(card.counts.tier)).toHaveLength(5);
    expect(card.diversity.topTldShare).toBeLessThan(0.6);
    expect(progress).toContain("generate");
    expect(progress.at(-1)).toBe("done");
    expect(readDatasetCard({ dir: join(root, "a") })).toEqual(card);
  });

  it("detects a tampered file", { timeout: 30_000 }, () => {
    const dir = join(root, "b");
    const path = join(dir, "test.jsonl");
    const before = readFileSync(path, "utf8");
    const after = before.replace(".com", ".cxm");
    expect(after).not.toBe(before);
    writeFileSync(path, after);
    expect(() => verifyDataset({ dir, check })).toThrow(DatasetIntegrityError);
  });

  it("fails verification when a group has examples in more than one split", { timeout: 30_000 }, () => {
    // A dataset consistent with its own card (hashes, counts) whose only fault is one example moved out of its group's split.
    const examples = readExamples(join(root, "a"));
    const sizes = new Map<string, number>();
    for (const e of examples) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
    const victim = examples.find((e) => e.split === "train" && sizes.get(e.group)! > 1)!;
    victim.split = "test";
    const dir = join(root, "leaky");
    const files = writeDataset(dir, examples);
    writeDatasetCard({
      dir,
      card: { ...buildCard(examples, { name: "a", seed: "7", command }), leakage: card.leakage, files },
    });
    const verified = verifyDataset({ dir, check, throwOnProblem: false });
    expect(verified.groupsAcrossSplits.map((g) => g.group)).toEqual([victim.group]);
    expect(verified.groupsAcrossSplits[0]!.splits.test).toBe(1);
    expect(verified.problems.some((p) => p.startsWith("1 groups have examples in more than one split"))).toBe(true);
    expect(verified.problems.filter((p) => !/more than one split|near-duplicate/.test(p))).toEqual([]);
    expect(() => verifyDataset({ dir, check })).toThrow(/more than one split/);
    expect(() => verifyDataset({ dir, check })).toThrow(DatasetIntegrityError);
    expect(verifyDataset({ dir: join(root, "a"), check }).groupsAcrossSplits).toEqual([]);
  });

  it("rejects bad options and a missing card with named errors, and stops on abort", async () => {
    await expect(generateDataset({ size: 0, seed: 1, outDir: join(root, "d") })).rejects.toThrow(
      InvalidDatasetOptionsError,
    );
    await expect(generateDataset({ size: 10, seed: 1, outDir: "" })).rejects.toThrow(InvalidDatasetOptionsError);
    await expect(generateDataset({ size: 10, seed: 1, outDir: join(root, "g"), requestShare: 1.5 })).rejects.toThrow(
      /requestShare to be a number in 0–1, got 1.5/,
    );
    await expect(generateDataset({ size: 10, seed: 1, outDir: join(root, "g"), evasionShare: -0.1 })).rejects.toThrow(
      /evasionShare to be a number in 0–1, got -0.1/,
    );
    await expect(
      generateDataset({ size: 10, seed: 1, outDir: join(root, "g"), benignEvasionShare: Number.NaN }),
    ).rejects.toThrow(/benignEvasionShare to be a number in 0–1, got NaN/);
    expect(() => readDatasetCard({ dir: join(root, "missing") })).toThrow(InvalidDatasetCardError);
    const late = new AbortController();
    setTimeout(() => late.abort(new Error("user pressed Ctrl-C")), 100);
    await expect(
      generateDataset({ size: 200_000, seed: 1, outDir: join(root, "f"), check, signal: late.signal }),
    ).rejects.toThrow(DatasetAbortedError);
    const controller = new AbortController();
    controller.abort();
    await expect(
      generateDataset({ size: 50, seed: 1, outDir: join(root, "e"), signal: controller.signal }),
    ).rejects.toThrow(DatasetAbortedError);
  });
});

describe("generateDataset with benignEvasionShare", async () => {
  const disguised = await generateDataset({
    size: 800,
    seed: 7,
    outDir: join(root, "disguised"),
    command: "test",
    check,
    benignEvasionShare: 0.5,
  }).then(() => readExamples(join(root, "disguised")));

  it("disguises about that share of English benign rows, never an invented word, and keeps their names", () => {
    const eligible = disguised.filter(
      (e) => e.meta.category !== "blocked" && e.meta.category !== "nonce" && e.meta.language === "en",
    );
    const marked = eligible.filter((e) => e.meta.disguised);
    expect(marked.length / eligible.length).toBeGreaterThan(0.4);
    expect(marked.length / eligible.length).toBeLessThan(0.6);
    expect(disguised.filter((e) => e.meta.disguised && !eligible.includes(e))).toEqual([]);
    for (const e of marked) expect(e.meta.domains.length).toBeGreaterThanOrEqual(1);
    // An evasion leaves a digit, a separator inside a word or a stretched vowel behind.
    const traces = marked.filter((e) => /[0-9]|[a-z][.\-_ ][a-z][.\-_ ][a-z]|([aeiou])\1/i.test(e.text));
    expect(traces.length / marked.length).toBeGreaterThan(0.9);
  });
});

describe("generateDataset with requestShare", async () => {
  const examples = (share: number, dir: string) =>
    generateDataset({ size: 800, seed: 7, outDir: join(root, dir), command: "test", check, requestShare: share }).then(
      () => readExamples(join(root, dir)),
    );
  const none = await examples(0, "share-0");
  const half = await examples(0.5, "share-half");

  it("writes about that share of English benign examples as requests, marked in the metadata", () => {
    expect(none.filter((e) => e.meta.form === "request")).toEqual([]);
    const benign = half.filter((e) => e.meta.category !== "blocked" && e.meta.language === "en");
    const requests = benign.filter((e) => e.meta.form === "request");
    expect(requests.length / benign.length).toBeGreaterThan(0.4);
    expect(requests.length / benign.length).toBeLessThan(0.6);
    expect(half.filter((e) => e.meta.form === "request" && e.meta.language !== "en")).toEqual([]);
    expect(requests.some((e) => e.meta.category === "near-miss")).toBe(true);
    for (const e of requests) expect(e.meta.domains.length).toBeGreaterThanOrEqual(5);
  });

  it("leaves the default dataset as it was: same rows with requestShare 0 as without the option", async () => {
    const without = await generateDataset({
      size: 800,
      seed: 7,
      outDir: join(root, "share-none"),
      command: "test",
      check,
    });
    for (const file of Object.keys(without.files))
      expect(readFileSync(join(root, "share-none", file))).toEqual(readFileSync(join(root, "share-0", file)));
  });
});
