/**
 * @module @nomen/default-model — The pipeline that trains Nomen's shipped default model: training mix with
 * invented words, byte-level vocabulary, from-scratch qwen2 base with checkpoints, GGUF export, unseen-word copy rate.
 */

export { BASE_MODEL_SHAPE, BASE_PROMPT_TOKEN_LIMIT, BASE_TRAINING, stepsForTokenBudget } from "./baseModelConfig.js";
export {
  type BuildDatasetV2Options,
  buildDatasetV2,
  type DatasetRow,
  type DatasetV2,
  type DatasetV2Targets,
  keepCopies,
} from "./buildDatasetV2.js";
export { type ByteLevelTokenizerOptions, byteLevelTokenizer, CHATML_SPECIAL_TOKENS } from "./byteVocabulary.js";
export {
  type CompareModelsOptions,
  type ComparisonItem,
  compareModels,
  type ModelComparison,
  type ModelUnderTest,
} from "./compareModels.js";
export { type CopyGgufWithMetadataOptions, copyGgufWithMetadata } from "./copyGgufWithMetadata.js";
export { type BuildCopyProbesOptions, buildCopyProbes, type CopyProbe, REAL_WORD_CANDIDATES } from "./copyProbes.js";
export { type CopyOutcome, type CopyReport, copiesWord, scoreCopies } from "./copyRate.js";
export { AugmentationError, DefaultModelError, InvalidPipelineOptionsError, PipelineInputError } from "./errors.js";
export {
  type CopyEvaluation,
  type EvaluateCopyOptions,
  evaluateCopy,
  parsesAsAnswer,
} from "./evaluateCopy.js";
export {
  type EdgeCaseEvaluation,
  type EdgeCaseSuiteItem,
  type EvaluateEdgeCasesOptions,
  evaluateEdgeCases,
} from "./evaluateEdgeCases.js";
export {
  type EvaluateSafetyOptions,
  evaluateSafety,
  type SafetyEvaluation,
  type SafetySuiteItem,
} from "./evaluateSafety.js";
export { type ExportBaseOptions, exportBase } from "./exportBase.js";
export { type FitRefusalBiasOptions, fitRefusalBias, type RefusalCounts, refusalsAt } from "./fitRefusalBias.js";
export { type HeldOutItem, type HeldOutItemsOptions, heldOutItems } from "./heldOutItems.js";
export {
  augmentationRng,
  type ChatRecord,
  type ExampleMeta,
  type InventWordOptions,
  inventWordExample,
} from "./inventedWords.js";
export { readJsonlRows, writeJsonlRows } from "./jsonl.js";
export { loadCheckpointWeights } from "./loadCheckpointWeights.js";
export { loadRunTokenizer } from "./loadRunTokenizer.js";
export {
  formatLossCurve,
  type LossCurveOptions,
  type LossCurveRow,
  type LossLine,
  lossCurve,
} from "./lossCurve.js";
export { modelLabel } from "./modelLabel.js";
export { type PrepareRunOptions, prepareRun, type RunManifest } from "./prepareRun.js";
export { REPO_ROOT, type RunPaths, runPaths } from "./runPaths.js";
export { nearMissNamed, safetyItemsFromRows } from "./safetyItemsFromRows.js";
export {
  type RefusalScore,
  type RefusalScores,
  type ScoreRefusalsOptions,
  type SuiteRow,
  scoreRefusals,
} from "./scoreRefusals.js";
export { type SelectDecisionRowsOptions, selectDecisionRows } from "./selectDecisionRows.js";
export { readSuiteInputs, suiteInputKey } from "./suiteInputs.js";
export { ODDITY_KINDS, type OddityKind, withSurfaceOddity } from "./surfaceOddity.js";
export { type TrainBaseOptions, type TrainBaseResult, trainBase } from "./trainBase.js";
export { buildTrainingMix, type TrainingMix, type TrainingMixOptions } from "./trainingMix.js";
export {
  type ExportLoraCheckpointOptions,
  exportLoraCheckpoint,
  type TrainLoraOptions,
  trainLora,
} from "./trainLora.js";
export { weightDecisionTokens } from "./weightDecisionTokens.js";
