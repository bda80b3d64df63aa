/**
 * @module @nomen/guard — Safety policy for Nomen: input categories with evasion normalization and near-miss rules; output filter for profanity, trademarks and impersonation.
 */
export { type ApplyEvasionsOptions, applyEvasions, EVASION_KINDS, type EvasionKind } from "./applyEvasions.js";
export { BLOCKED_RESPONSE, type BlockedResponse } from "./blockedResponse.js";
export { BrandDataError, ClassifierVerdictError, GuardInputError } from "./errors.js";
export { POLICY_CATEGORIES, type PolicyCategory, type PolicyRule } from "./input/categories.js";
export { type CheckInputOptions, checkInput, type InputVerdict } from "./input/checkInput.js";
export { INPUT_RULES } from "./input/inputRules.generated.js";
export {
  buildClassifierPrompt,
  type CheckInputWithClassifierOptions,
  CLASSIFIER_VERDICT_SCHEMA,
  type ClassifierModel,
  checkInputWithClassifier,
  parseClassifierVerdict,
} from "./input/llmClassifier.js";
export type { GuardLogger } from "./logger.js";
export { foldText, normalizeViews } from "./normalizeText.js";
export { type Brand, brandIndex } from "./output/brandIndex.js";
export { FAMOUS_MARKS, FAMOUS_WORD_MARKS, GOVERNMENT_MARKS } from "./output/famousMarks.js";
export {
  type DroppedName,
  type FilterNamesOptions,
  type FilterNamesResult,
  filterNames,
} from "./output/filterNames.js";
export type { FilterHit } from "./output/findTrademark.js";
export { packageInfo } from "./packageInfo.js";
