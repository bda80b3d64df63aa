import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Tokenizer, vocabularyFromGgufMetadata } from "@nomen/core-tokenizer";
import { byteLevelVocabMetadata } from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetValidationError } from "../errors.js";
import { makeBatches } from "./batching.js";
import { prepareDataset } from "./prepareDataset.js";

const tokenizer = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(byteLevelVocabMetadata()));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-prepare-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ prompt: `shop ${i + offset}`, completion: `s${i + offset}.com` }),
  ).join("\n");

describe("prepareDataset", () => {
  it("splits, batches and reports; the same seed gives the same batches", async () => {
    const path = join(dir, "train.jsonl");
    await writeFile(path, lines(40));
    const options = { path, tokenizer, maxLength: 64, batchSize: 4, padMultiple: 8, validationFraction: 0.25, seed: 3 };
    const a = await prepareDataset(options);
    expect(a.format).toBe("completion");
    expect([a.trainExamples.length, a.validationExamples.length]).toEqual([30, 10]);
    expect(a.train.map((b) => b.batchSize).reduce((x, y) => x + y, 0)).toBe(30);
    expect(a.validation.map((b) => b.batchSize).reduce((x, y) => x + y, 0)).toBe(10);
    expect(a.train.every((b) => b.seqLen % 8 === 0 && b.seqLen <= 64)).toBe(true);
    expect(a.padId).toBe(tokenizer.padId);
    expect(a.report.train).toMatchObject({ examples: 40, kept: 40, skipped: 0 });
    const b = await prepareDataset(options);
    expect(b.train.map((x) => [...x.ids])).toEqual(a.train.map((x) => [...x.ids]));
    // Length order: train() shuffles per epoch, so the batches are not shuffled twice.
    const unshuffled = makeBatches(a.trainExamples, { batchSize: 4, padId: a.padId, padMultiple: 8, maxLength: 64 });
    expect(a.train).toEqual(unshuffled);
  });

  it("uses a separate validation file when given, validating it in full first", async () => {
    const path = join(dir, "train2.jsonl");
    const validationPath = join(dir, "valid.jsonl");
    await writeFile(path, lines(12));
    await writeFile(validationPath, lines(5, 100));
    const prepared = await prepareDataset({ path, validationPath, tokenizer, maxLength: 64, batchSize: 2 });
    expect([prepared.trainExamples.length, prepared.validationExamples.length]).toEqual([12, 5]);
    expect(prepared.report.validation).toMatchObject({ examples: 5, kept: 5 });
    await writeFile(validationPath, `${lines(2)}\n{"prompt": "no completion"}`);
    await expect(prepareDataset({ path, validationPath, tokenizer, maxLength: 64 })).rejects.toThrow(
      DatasetValidationError,
    );
  });
});
