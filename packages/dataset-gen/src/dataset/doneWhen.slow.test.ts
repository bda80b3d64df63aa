import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTargetChecker } from "../teacher/checkTarget.js";
import { generateDataset } from "./generateDataset.js";
import { verifyDataset } from "./verifyDataset.js";

// The acceptance numbers on a full 50k dataset (minutes; run with `pnpm --filter @nomen/dataset-gen test:slow`).
const root = mkdtempSync(join(tmpdir(), "nomen-dataset-slow-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const validityOnly = createTargetChecker({ isUnsafe: () => undefined });

describe("50,000 examples", () => {
  it("meet the diversity, validity and leakage goals, and the card matches the files", async () => {
    const card = await generateDataset({ size: 50_000, seed: 1, outDir: join(root, "50k") });
    expect(card.diversity.businessTypes).toBeGreaterThanOrEqual(600);
    expect(card.diversity.distinctLabelRatio).toBeGreaterThanOrEqual(0.8);
    expect(card.diversity.topTldShare).toBeLessThanOrEqual(0.6);
    expect(card.leakage.crossSplitNearDuplicates).toBe(0);
    expect(card.leakage.crossSplitGroups).toBe(0);
    const verified = verifyDataset({ dir: join(root, "50k"), check: validityOnly });
    expect(verified.examples).toBe(50_000);
    expect(verified.invalidDomains).toEqual([]);
    expect(verified.groupsAcrossSplits).toEqual([]);
    expect(verified.problems).toEqual([]);
  });
});

describe("the checked-in v1 dataset", () => {
  const dir = new URL("../../../../datasets/v1", import.meta.url).pathname;
  it.skipIf(!existsSync(dir))(
    "matches its card: hashes, counts, exact assistant JSON, valid targets, no leakage",
    () => {
      const verified = verifyDataset({ dir, check: validityOnly });
      expect(verified.groupsAcrossSplits).toEqual([]);
      expect(verified.problems).toEqual([]);
    },
  );
});
