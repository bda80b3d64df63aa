import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { defaultCompaniesPath, loadCompanies } from "../data/loadCompanies.js";
import { WordNet } from "../lexicon/WordNet.js";
import { defaultWordVectors } from "../lexicon/WordVectors.js";
import { packageInfo } from "../packageInfo.js";
import { type Progress, runSteps, runStepsAsync, type Steps } from "../steps.js";
import { writeFileAtomic } from "../writeFileAtomic.js";
import { MetricJudge, type MetricJudgeOptions } from "./MetricJudge.js";
import {
  RELEVANCE_MODEL_FORMAT,
  RelevanceModel,
  type RelevanceModelJson,
  trainSteps,
} from "./relevance/RelevanceModel.js";

/** Options of {@link createTrainedJudge}. */
export type TrainedJudgeOptions = Omit<MetricJudgeOptions, "relevance"> & {
  /** Defaults to `defaultCompaniesPath()` (`$NOMEN_COMPANIES_PATH`, else beside the repo root). */
  dataPath?: string;
  /** Defaults to 1. */
  seed?: number;
  /**
   * Where the trained relevance model is cached, keyed by the data file's SHA-256, the seed, the word vectors and the
   * code version (a stale file is retrained and overwritten, atomically). `false` disables the cache.
   * Defaults to `$NOMEN_CACHE_DIR/evaluator-relevance.json`, else `<os tmpdir>/nomen/evaluator-relevance.json`.
   */
  cachePath?: string | false;
  signal?: AbortSignal;
};

interface CacheFile {
  key: string;
  model: RelevanceModelJson;
}

/**
 * The validated metric judge in one call: trains the relevance model on the train split of the
 * real-companies file (never the test split) and returns a {@link MetricJudge} using it. Training
 * takes 30 s–4 min on 2 cores and blocks the event loop; the trained model is cached (see
 * `cachePath`), so later calls on the same file load it in about a second.
 * Throws `DatasetNotFoundError` when the file is absent.
 *
 * @example
 * const judge = createTrainedJudge({ dataPath: "../shared/data/real-companies/companies.jsonl" });
 */
export function createTrainedJudge(options: TrainedJudgeOptions = {}): MetricJudge {
  return runSteps(trainedJudgeSteps(options), options.signal);
}

/**
 * {@link createTrainedJudge} that yields to the event loop while training, reporting progress and
 * checking `signal` there (rejects with `EvaluationAbortedError` soon after an abort).
 */
export function createTrainedJudgeAsync(
  options: TrainedJudgeOptions & { onProgress?: (progress: Progress) => void } = {},
): Promise<MetricJudge> {
  return runStepsAsync(trainedJudgeSteps(options), options);
}

function* trainedJudgeSteps(options: TrainedJudgeOptions): Steps<MetricJudge> {
  const {
    dataPath = defaultCompaniesPath(),
    seed = 1,
    cachePath = defaultCachePath(),
    signal,
    ...judgeOptions
  } = options;
  const wordnet = judgeOptions.wordnet ?? WordNet.load();
  const rows = loadCompanies(dataPath);
  const key = cacheKey(readFileSync(dataPath), seed);
  let relevance = cachePath === false ? undefined : readCache(cachePath, key, wordnet);
  if (!relevance) {
    const examples = rows
      .filter((row) => row.split === "train")
      .map((row) => ({ description: row.description, domain: row.domain, sector: row.industry, era: row.era }));
    relevance = yield* trainSteps({ wordnet, examples, seed });
    if (cachePath !== false) writeCache(cachePath, { key, model: relevance.toJSON() });
  }
  return MetricJudge.create({ ...judgeOptions, wordnet, relevance });
}

function defaultCachePath(): string {
  return join(process.env.NOMEN_CACHE_DIR || join(tmpdir(), "nomen"), "evaluator-relevance.json");
}

/**
 * SHA-256 of the data, the seed, the package version, the model format and the shipped word vectors (a rebuilt
 * `data/word-vectors.bin` changes every learned part; loading them is no extra work: a cached model needs them too).
 */
export function cacheKey(data: Buffer, seed: number): string {
  const dataHash = createHash("sha256").update(data).digest("hex");
  return `${dataHash}:seed=${seed}:${packageInfo.name}@${packageInfo.version}:format=${RELEVANCE_MODEL_FORMAT}:vectors=${defaultWordVectors().sha256.slice(0, 16)}`;
}

/** The cached model when the file exists and its key matches; anything unreadable means "retrain". */
function readCache(path: string, key: string, wordnet: WordNet): RelevanceModel | undefined {
  let cached: CacheFile;
  try {
    cached = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
  } catch {
    return undefined;
  }
  if (cached?.key !== key) return undefined;
  try {
    return RelevanceModel.fromJSON(cached.model, wordnet);
  } catch {
    return undefined;
  }
}

/** Temp file + rename, so a reader never sees half a model. */
function writeCache(path: string, file: CacheFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(file));
}
