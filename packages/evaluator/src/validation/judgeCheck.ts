import { fnv1a32 } from "../data/fnv1a.js";
import { type CompanyRow, defaultCompaniesPath, loadCompanies } from "../data/loadCompanies.js";
import { InvalidSampleError } from "../errors.js";
import { RelevanceModel, trainSteps } from "../judge/relevance/RelevanceModel.js";
import { WordNet } from "../lexicon/WordNet.js";
import type { Estimate } from "../stats/bootstrap.js";
import { seededRandom } from "../stats/random.js";
import { type Progress, runStepsAsync, type Steps } from "../steps.js";
import { charTrigramBaseline } from "./charTrigramBaseline.js";
import { type PairedScores, pairedAucEstimate } from "./pairedAuc.js";

/** AUC of one scorer overall and on rows whose description does not mention the name. */
export interface JudgeAuc {
  scorer: string;
  overall: Estimate;
  noMention: Estimate;
}

/** Result of {@link judgeCheck}. */
export interface JudgeCheckResult {
  /** "test": train on the train split, report on the test split; "validation": both inside the train split (for tuning). */
  evaluatedOn: "test" | "validation";
  trainRows: number;
  evaluatedRows: number;
  negativesPerRow: number;
  results: JudgeAuc[];
  durationMs: number;
}

/** Options of {@link judgeCheck}. */
export interface JudgeCheckOptions {
  /** Path of companies.jsonl. Defaults to {@link defaultCompaniesPath} (`$NOMEN_COMPANIES_PATH`, else beside the repo root). */
  dataPath?: string;
  /** Which rows to report on. Defaults to "test". */
  evaluateOn?: "test" | "validation";
  /** Shuffled domains per description. Defaults to 5. */
  negatives?: number;
  /** Seed for shuffles, training and bootstrap. Defaults to 1. */
  seed?: number;
  /** A loaded WordNet to reuse. Defaults to loading one. */
  wordnet?: WordNet;
  /** Checked between steps (the event loop runs there); aborting rejects with `EvaluationAbortedError`. */
  signal?: AbortSignal;
  /** Called at every step of training and scoring. */
  onProgress?: (progress: Progress) => void;
}

/** Rows scored between two checkpoints. */
const ROWS_PER_STEP = 100;

/**
 * Validates the metric judge's relevance criterion on real companies: the real domain
 * against shuffled domains of other companies for the same description (paired AUC with
 * bootstrap 95% CI), overall and on `desc_mentions_name == false` rows. The learned parts
 * are trained only on the train split (FNV-1a(name) mod 5 ≠ 0). Also scores the
 * character-trigram baseline and the untrained judge in the same run.
 */
export function judgeCheck(options: JudgeCheckOptions = {}): Promise<JudgeCheckResult> {
  return runStepsAsync(judgeCheckSteps(options), options);
}

function* judgeCheckSteps(options: JudgeCheckOptions): Steps<JudgeCheckResult> {
  const { dataPath = defaultCompaniesPath(), evaluateOn = "test", negatives = 5, seed = 1 } = options;
  const started = performance.now();
  const rows = loadCompanies(dataPath);
  const trainSplit = rows.filter((r) => r.split === "train");
  const isValidation = (r: CompanyRow) => fnv1a32(`${r.name}#val`) % 5 === 0;
  const train = evaluateOn === "test" ? trainSplit : trainSplit.filter((r) => !isValidation(r));
  const evaluated = evaluateOn === "test" ? rows.filter((r) => r.split === "test") : trainSplit.filter(isValidation);
  const distinctDomains = new Set(evaluated.map((r) => r.domain)).size;
  if (distinctDomains < 2)
    throw new InvalidSampleError(
      `judgeCheck needs at least 2 distinct domains among the ${evaluateOn} rows to draw shuffled negatives, got ${distinctDomains} (${evaluated.length} rows in ${dataPath}). Hint: use the full real-companies file, or evaluateOn "validation"/"test" with more rows.`,
    );
  const wordnet = options.wordnet ?? WordNet.load();
  const examples = train.map((r) => ({ description: r.description, domain: r.domain, sector: r.industry, era: r.era }));
  const trained = yield* trainSteps({ wordnet, examples, seed });
  const untrained = RelevanceModel.untrained(wordnet);
  const scorers: [string, (d: string, m: string) => number][] = [
    ["char-trigram baseline", charTrigramBaseline],
    ["metric judge, untrained features", (d, m) => untrained.score(d, m)],
    ["metric judge (trained on train split)", (d, m) => trained.score(d, m)],
  ];
  const random = seededRandom(seed + 1);
  const negativesOf = evaluated.map((_, i) => {
    const picks: number[] = [];
    while (picks.length < negatives) {
      const j = Math.floor(random() * evaluated.length);
      if (j !== i && evaluated[j]?.domain !== evaluated[i]?.domain) picks.push(j);
    }
    return picks;
  });
  const results: JudgeAuc[] = [];
  for (const [s, [scorer, score]] of scorers.entries()) {
    const paired: (PairedScores & { mentions: boolean })[] = [];
    for (const [i, row] of evaluated.entries()) {
      paired.push({
        real: score(row.description, row.domain),
        shuffled: (negativesOf[i] as number[]).map((j) => score(row.description, (evaluated[j] as CompanyRow).domain)),
        mentions: row.descMentionsName,
      });
      if ((i + 1) % ROWS_PER_STEP === 0)
        yield {
          phase: `judge check: scoring (${scorer})`,
          done: s * evaluated.length + i + 1,
          total: 3 * evaluated.length,
        };
    }
    results.push({
      scorer,
      overall: pairedAucEstimate(paired, seed),
      noMention: pairedAucEstimate(
        paired.filter((p) => !p.mentions),
        seed,
      ),
    });
  }
  return {
    evaluatedOn: evaluateOn,
    trainRows: train.length,
    evaluatedRows: evaluated.length,
    negativesPerRow: negatives,
    results,
    durationMs: performance.now() - started,
  };
}
