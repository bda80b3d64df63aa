/**
 * @module @nomen/evaluator — Rubric judges validated on real companies, statistics with confidence intervals, edge-case taxonomy, run tracking and reports.
 */

export { compareItemScores, compareRuns, type RunComparison } from "./compare/compareRuns.js";
export { fnv1a32, isTestSplit } from "./data/fnv1a.js";
// Judge validation
export { type CompanyRow, DEFAULT_COMPANIES_PATH, defaultCompaniesPath, loadCompanies } from "./data/loadCompanies.js";
// Errors
export {
  DatasetNotFoundError,
  DisposedError,
  EvaluationAbortedError,
  EvaluatorError,
  InvalidDatasetRowError,
  InvalidSampleError,
  InvalidWordVectorsError,
  JudgeVerdictParseError,
  RunNotFoundError,
} from "./errors.js";
// Evaluation, statistics, comparison
export {
  type EvaluateSuggestionsOptions,
  evaluateSuggestions,
  evaluateSuggestionsAsync,
  type SuggestionEvaluation,
  type SuggestionItem,
} from "./evaluateSuggestions.js";
export { cachedSafety } from "./judge/cachedSafety.js";
export type { DomainValidity, SafetyCheck, ValidityVerdict } from "./judge/checks.js";
export { createTrainedJudge, createTrainedJudgeAsync, type TrainedJudgeOptions } from "./judge/createTrainedJudge.js";
export { type CriterionAgreement, judgeAgreement } from "./judge/judgeAgreement.js";
export {
  type JudgeModel,
  LlmJudge,
  type LlmVerdict,
  parseVerdicts,
  rubricPrompt,
  VERDICT_SCHEMA,
} from "./judge/LlmJudge.js";
export { listDiversity } from "./judge/listDiversity.js";
export { MetricJudge, type MetricJudgeOptions, type SuggestionScore } from "./judge/MetricJudge.js";
export { EmbeddingMatch, type EmbeddingMatchJson } from "./judge/relevance/EmbeddingMatch.js";
export {
  RELEVANCE_FEATURE_NAMES,
  RELEVANCE_MODEL_FORMAT,
  RelevanceModel,
  type RelevanceModelJson,
  type RelevanceTrainOptions,
} from "./judge/relevance/RelevanceModel.js";
export type { RelevanceExample } from "./judge/relevance/trainingPairs.js";
export { domainsValidity, guardSafety } from "./judge/siblingChecks.js";
export { pronounceability, syllables } from "./lexicon/pronunciation.js";
export { sphericalKMeans } from "./lexicon/sphericalKMeans.js";
export { WordNet } from "./lexicon/WordNet.js";
export {
  DEFAULT_WORD_VECTORS_PATH,
  defaultWordVectors,
  encodeWordVectors,
  WORD_CLUSTER_SIZES,
  WordVectors,
} from "./lexicon/WordVectors.js";
export { packageInfo } from "./packageInfo.js";
export type { LossCurve } from "./report/charts.js";
export { readTrainerLog } from "./report/readTrainerLog.js";
export { EXPECTED_CHARTS, renderInChromium } from "./report/renderInChromium.js";
export { type ModelSummary, type ReportFiles, type ReportOptions, writeReport } from "./report/writeReport.js";
// Rubric and judges
export { CRITERIA, CRITERION_WEIGHTS, type Criterion, overallScore, type RubricScores } from "./rubric/rubric.js";
export { type SafetyMetrics, type SafetyOutcome, safetyMetrics } from "./safety/safetyMetrics.js";
export { cohenKappa, pearson, scoreBand, spearman } from "./stats/agreement.js";
export { bootstrap, bootstrapMean, type Estimate, formatEstimate, mean } from "./stats/bootstrap.js";
export { comparePaired, type PairedComparison } from "./stats/pairedComparison.js";
export { seededRandom } from "./stats/random.js";
export { type WilcoxonResult, wilcoxonSignedRank } from "./stats/wilcoxon.js";
export type { Progress } from "./steps.js";
// Edge cases and safety
export {
  classifyFailure,
  type EdgeCaseOutcome,
  FAILURE_CLASSES,
  type FailureClass,
  type FailureTable,
  failureTable,
} from "./taxonomy/classifyFailure.js";
export { type Morpheme, segmentLabel } from "./text/segmentLabel.js";
// Tracking and reports
export { hashFile, hashText } from "./tracking/hashFile.js";
export { type ItemScore, type RunInfo, type RunRecord, RunStore } from "./tracking/RunStore.js";
export { type JudgeAuc, type JudgeCheckOptions, type JudgeCheckResult, judgeCheck } from "./validation/judgeCheck.js";
export { type PairedScores, pairedAuc } from "./validation/pairedAuc.js";
