/**
 * @module @nomen/dataset-gen — Seeded, versioned synthetic business descriptions and good domain names, with edge-case and safety suites.
 */

export { type Counts, type DatasetCard, GENERATOR_VERSION, type Histogram } from "./card/DatasetCard.js";
export { readDatasetCard, renderCardMarkdown, writeDatasetCard } from "./card/datasetCardIo.js";
export { assignSplits, SPLIT_SHARES, type SplitAssignment, splitOfGroup } from "./dataset/assignSplits.js";
export { type Example, type ExampleMeta, SPLITS, type Split } from "./dataset/Example.js";

// Datasets.
export { type GenerateCommandOptions, generateCommand } from "./dataset/generateCommand.js";
export { type DatasetProgress, type GenerateDatasetOptions, generateDataset } from "./dataset/generateDataset.js";
export { SAFETY_MIX } from "./dataset/generateExamples.js";
export { type GroupAcrossSplits, groupsAcrossSplits } from "./dataset/groupsAcrossSplits.js";
export { findNearDuplicates, jaccard, NEAR_DUPLICATE_THRESHOLD } from "./dataset/nearDuplicates.js";
export { normalizeText } from "./dataset/normalize.js";
export { type DatasetVerification, verifyDataset } from "./dataset/verifyDataset.js";
export { splitFiles } from "./dataset/writeDataset.js";
// Descriptions and the teacher.
export { type Brief, type Category, type Language, TIERS, type Tier } from "./describe/brief.js";
export type { Constraints } from "./describe/constraints.js";
export { MIX } from "./describe/drawBrief.js";
export { typo } from "./describe/noise.js";
export { nonceWord } from "./describe/nonceWord.js";
// Errors.
export {
  DatasetAbortedError,
  DatasetGenError,
  DatasetIntegrityError,
  InvalidAssistantTurnError,
  InvalidDatasetCardError,
  InvalidDatasetOptionsError,
  TeacherExhaustedError,
} from "./errors.js";
// The contract with the runtime and the trainer.
export {
  type AssistantTurn,
  BLOCKED_TURN,
  formatAssistantTurn,
  parseAssistantTurn,
  SYSTEM_PROMPT,
} from "./format/assistantTurn.js";
export { formatJsonl, parseJsonl } from "./format/jsonl.js";
export { type ChatRecord, type CompletionRecord, toChatRecord, toCompletionRecord } from "./format/records.js";
export { INDUSTRIES, type Industry } from "./lexicon/industries.js";
export { type Lexicon, loadLexicon } from "./lexicon/Lexicon.js";
export { type BusinessType, buildTaxonomy } from "./lexicon/taxonomy.js";
export { packageInfo } from "./packageInfo.js";
export { Rng } from "./random/Rng.js";
// Safety.
export { TRAINING_BLOCKED_PHRASES } from "./safety/trainingBlockedPhrases.js";
export { BLOCKED_CATEGORIES, type BlockedCategory, NEAR_MISSES, type NearMiss } from "./safety/unsafeRequests.js";
// Suites for the evaluator.
export {
  buildEdgeCaseSuite,
  EDGE_CASE_CATEGORIES,
  type EdgeCaseCategory,
  type EdgeCaseItem,
} from "./suites/edgeCaseSuite.js";
export { buildSafetySuite, type SafetyItem } from "./suites/safetySuite.js";
export { type SuiteCard, writeSuite } from "./suites/writeSuite.js";
export { type WriteSuitesOptions, writeSuites } from "./suites/writeSuites.js";
export {
  basicValidate,
  createTargetChecker,
  guardUnsafe,
  MAX_TARGET_LABEL,
  strictValidate,
  type TargetChecker,
  type TargetCheckerOptions,
  type TargetVerdict,
} from "./teacher/checkTarget.js";
export { STRATEGIES, type Strategy } from "./teacher/strategies.js";
export { type Teaching, teach } from "./teacher/teach.js";
