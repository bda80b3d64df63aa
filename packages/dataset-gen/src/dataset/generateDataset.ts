import { basename } from "node:path";
import { buildCard } from "../card/buildCard.js";
import type { DatasetCard } from "../card/DatasetCard.js";
import { writeDatasetCard } from "../card/datasetCardIo.js";
import { DatasetAbortedError, InvalidDatasetOptionsError } from "../errors.js";
import { createTargetChecker, type TargetChecker } from "../teacher/checkTarget.js";
import { assignSplits } from "./assignSplits.js";
import { generateCommand } from "./generateCommand.js";
import { generateExamples } from "./generateExamples.js";
import { groupsAcrossSplits } from "./groupsAcrossSplits.js";
import { NEAR_DUPLICATE_THRESHOLD, NearDuplicateIndex } from "./nearDuplicates.js";
import { normalizeText } from "./normalize.js";
import { writeDataset } from "./writeDataset.js";

/** Progress of {@link generateDataset}, reported per phase. */
export interface DatasetProgress {
  phase: "generate" | "split" | "write" | "done";
  done: number;
  total: number;
}

/** Options for {@link generateDataset}. */
export interface GenerateDatasetOptions {
  /** Number of examples (1–1,000,000). */
  size: number;
  /** Seed of every random choice. Same seed and size → byte-identical files. */
  seed: number | string;
  /** Output folder; created if missing. */
  outDir: string;
  /** Name on the card. Defaults to the folder's name. */
  name?: string;
  /** Command recorded on the card. Defaults to the `nomen dataset generate` line for these options. */
  command?: string;
  /** Checks every target domain. Defaults to `createTargetChecker()` (LDH + IANA TLD + length). */
  check?: TargetChecker;
  /**
   * Share (0–1) of English non-blocked examples written the way blocked requests are ("name ideas for a pharmacy"),
   * so a model cannot learn to refuse by the wording of a request. Defaults to 0 (datasets v1–v6).
   */
  requestShare?: number;
  /** Share (0–1) of blocked requests written with an evasion (leetspeak, separators, stretched letters). Defaults to 0.17. */
  evasionShare?: number;
  /**
   * Draw blocked requests from `TRAINING_BLOCKED_PHRASES` as well as the suite's `BLOCKED_PHRASES`, so a model learns
   * each category rather than 70 phrases. Defaults to false (datasets v1–v16).
   */
  extraBlockedPhrases?: boolean;
  /**
   * Share (0–1) of English benign examples (not invented-word ones) disguised the same way, so a model cannot refuse
   * because a request has digits or separators in it. Defaults to 0.
   */
  benignEvasionShare?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DatasetProgress) => void;
}

/**
 * Generates a dataset: examples (descriptions + teacher targets, ~10% safety), leakage-free splits, chat,
 * completion and metadata JSONL per split, and a card (card.json + CARD.md) with counts and sha256 hashes.
 *
 * @example
 * const card = await generateDataset({ size: 2000, seed: 7, outDir: "datasets/demo" });
 * card.splits; // { train: 1810, validation: 99, test: 91 }
 */
export async function generateDataset(options: GenerateDatasetOptions): Promise<DatasetCard> {
  const { size, seed, outDir, signal, onProgress } = options;
  if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
    throw new InvalidDatasetOptionsError(`generateDataset: expected size to be an integer in 1–1,000,000, got ${size}`);
  }
  if (typeof outDir !== "string" || outDir.length === 0) {
    throw new InvalidDatasetOptionsError(`generateDataset: expected a non-empty outDir, got ${JSON.stringify(outDir)}`);
  }
  const { requestShare = 0 } = options;
  if (typeof requestShare !== "number" || !(requestShare >= 0 && requestShare <= 1)) {
    throw new InvalidDatasetOptionsError(
      `generateDataset: expected requestShare to be a number in 0–1, got ${requestShare}. Hint: 0.5 writes half the benign examples as requests.`,
    );
  }
  const { evasionShare, extraBlockedPhrases = false, benignEvasionShare = 0 } = options;
  for (const [key, value] of Object.entries({ evasionShare, benignEvasionShare })) {
    if (value !== undefined && (typeof value !== "number" || !(value >= 0 && value <= 1)))
      throw new InvalidDatasetOptionsError(`generateDataset: expected ${key} to be a number in 0–1, got ${value}.`);
  }
  const name = options.name ?? basename(outDir);
  const command = options.command ?? generateCommand(options);
  const check = options.check ?? createTargetChecker();
  const raw = await generateExamples({
    size,
    seed,
    check,
    requestShare,
    blocked: { evasionShare, extraPhrases: extraBlockedPhrases },
    benignEvasionShare,
    signal,
    onProgress: (done, total) => onProgress?.({ phase: "generate", done, total }),
  });
  if (signal?.aborted) throw new DatasetAbortedError("generateDataset: aborted", { cause: signal.reason });
  onProgress?.({ phase: "split", done: 0, total: size });
  const index = new NearDuplicateIndex(raw.map((e) => e.text));
  const { examples, mergedGroups, moved } = assignSplits(raw, seed, index);
  const crossGroups = groupsAcrossSplits(examples).length;
  const crossNear = index.pairs({ consider: (i, j) => examples[i]!.split !== examples[j]!.split }).length;
  const crossExact = countCrossSplitExact(examples.map((e) => [normalizeText(e.text), e.split]));
  onProgress?.({ phase: "write", done: 0, total: size });
  if (signal?.aborted) throw new DatasetAbortedError("generateDataset: aborted", { cause: signal.reason });
  const files = writeDataset(outDir, examples);
  const card: DatasetCard = {
    ...buildCard(examples, { name, seed: String(seed), command }),
    leakage: {
      threshold: NEAR_DUPLICATE_THRESHOLD,
      crossSplitNearDuplicates: crossNear,
      crossSplitExactDuplicates: crossExact,
      crossSplitGroups: crossGroups,
      mergedGroups,
      movedWithMergedGroup: moved,
    },
    files,
  };
  writeDatasetCard({ dir: outDir, card });
  onProgress?.({ phase: "done", done: size, total: size });
  return card;
}

function countCrossSplitExact(rows: [string, string][]): number {
  const firstSplit = new Map<string, string>();
  let count = 0;
  for (const [text, split] of rows) {
    const seen = firstSplit.get(text);
    if (seen === undefined) firstSplit.set(text, split);
    else if (seen !== split) count++;
  }
  return count;
}
