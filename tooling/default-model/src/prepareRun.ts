import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { byteLevelTokenizer } from "./byteVocabulary.js";
import { buildCopyProbes } from "./copyProbes.js";
import type { ChatRecord, ExampleMeta } from "./inventedWords.js";
import { readJsonlRows, writeJsonlRows } from "./jsonl.js";
import { REPO_ROOT, type RunPaths } from "./runPaths.js";
import { buildTrainingMix, type TrainingMix } from "./trainingMix.js";

/** Options for {@link prepareRun}. */
export interface PrepareRunOptions {
  paths: RunPaths;
  /** A dataset folder with train/validation(.meta).jsonl (datasets/v1). */
  datasetDir: string;
  /** Defaults to 0.5. */
  inventedShare?: number;
  /** Use only the first N training rows (tiny runs). Defaults to all. */
  limit?: number;
  /** Validation examples copied from the dataset's validation split. Defaults to 64. */
  validationSize?: number;
  /** BPE merges on top of the bytes. Defaults to 0. */
  merges?: number;
  /** Copy probes per kind (invented / real). Defaults to 100. */
  probes?: number;
  /** Defaults to 1. */
  seed?: number;
}

/** What {@link prepareRun} wrote, as stored in `data/manifest.json`. */
export interface RunManifest {
  /** The dataset folder, relative to the repository root. */
  dataset: string;
  seed: number;
  mix: TrainingMix["stats"];
  validation: number;
  probes: { invented: number; real: number };
  vocabulary: { merges: number; size: number };
  sha256: Record<string, string>;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Writes a run's inputs: `train.jsonl` (v1 train + invented-word augmentation), `validation.jsonl`, the copy probes
 * (words absent from that training text), the byte-level vocabulary and a manifest with counts and hashes.
 * Deterministic for a seed.
 */
export async function prepareRun(options: PrepareRunOptions): Promise<RunManifest> {
  const { paths, datasetDir, seed = 1, merges = 0 } = options;
  const [records, metas, validation] = await Promise.all([
    readJsonlRows<ChatRecord>(join(datasetDir, "train.jsonl")),
    readJsonlRows<ExampleMeta>(join(datasetDir, "train.meta.jsonl")),
    readJsonlRows<ChatRecord>(join(datasetDir, "validation.jsonl")),
  ]);
  // Probes first from the source text, so the augmentation can be told never to invent them.
  const sourceText = records.map((r) => r.messages.map((m) => m.content).join("\n")).join("\n");
  const draftProbes = buildCopyProbes({
    trainingText: sourceText,
    invented: options.probes,
    real: options.probes,
    seed,
  });
  const reserved = new Set(draftProbes.map((p) => p.word));
  const mix = buildTrainingMix({
    records,
    metas,
    inventedShare: options.inventedShare,
    reserved,
    limit: options.limit,
    seed,
  });
  const mixText = mix.records.map((r) => r.messages.map((m) => m.content).join("\n")).join("\n");
  const probes = draftProbes.filter((p) => !mixText.toLowerCase().includes(p.word));
  const tokenizer = byteLevelTokenizer({ merges, corpus: merges > 0 ? [mixText] : [] });
  const held = validation.slice(0, options.validationSize ?? 64);

  await mkdir(paths.dataDir, { recursive: true });
  await writeJsonlRows(paths.train, mix.records);
  await writeJsonlRows(paths.validation, held);
  await writeJsonlRows(paths.probes, probes);
  await writeFile(paths.vocabulary, `${JSON.stringify(tokenizer.vocabulary)}\n`);
  const files = [paths.train, paths.validation, paths.probes, paths.vocabulary];
  const hashes = Object.fromEntries(
    await Promise.all(files.map(async (f) => [f.slice(paths.dataDir.length + 1), sha256(await readFile(f, "utf8"))])),
  );
  const manifest: RunManifest = {
    dataset: relative(REPO_ROOT, datasetDir),
    seed,
    mix: mix.stats,
    validation: held.length,
    probes: {
      invented: probes.filter((p) => p.kind === "invented").length,
      real: probes.filter((p) => p.kind === "real").length,
    },
    vocabulary: { merges, size: tokenizer.vocabulary.tokens.length },
    sha256: hashes,
  };
  await writeFile(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
