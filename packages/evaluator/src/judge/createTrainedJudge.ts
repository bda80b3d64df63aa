import { DEFAULT_COMPANIES_PATH, loadCompanies } from "../data/loadCompanies.js";
import { WordNet } from "../lexicon/WordNet.js";
import { MetricJudge, type MetricJudgeOptions } from "./MetricJudge.js";
import { RelevanceModel } from "./relevance/RelevanceModel.js";

/**
 * The validated metric judge in one call: trains the relevance model on the train split of the
 * real-companies file (never the test split) and returns a {@link MetricJudge} using it.
 * Takes 30 s–4 min on 2 cores; throws `DatasetNotFoundError` when the file is absent.
 *
 * @example
 * const judge = createTrainedJudge({ dataPath: "../shared/data/real-companies/companies.jsonl" });
 */
export function createTrainedJudge(
  options: Omit<MetricJudgeOptions, "relevance"> & {
    /** Defaults to `../shared/data/real-companies/companies.jsonl`. */
    dataPath?: string;
    /** Defaults to 1. */
    seed?: number;
    signal?: AbortSignal;
  } = {},
): MetricJudge {
  const { dataPath = DEFAULT_COMPANIES_PATH, seed = 1, signal, ...judgeOptions } = options;
  const wordnet = judgeOptions.wordnet ?? WordNet.load();
  const examples = loadCompanies(dataPath)
    .filter((row) => row.split === "train")
    .map((row) => ({ description: row.description, domain: row.domain, sector: row.industry, era: row.era }));
  const relevance = RelevanceModel.train({ wordnet, examples, seed, ...(signal ? { signal } : {}) });
  return MetricJudge.create({ ...judgeOptions, wordnet, relevance });
}
