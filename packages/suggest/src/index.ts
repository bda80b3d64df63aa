/**
 * @module @nomen/suggest — The suggest pipeline both apps share: guard, prompt, constrained generation, validation, output guard, ranking, availability.
 */
export { type AskModelOptions, type AskModelResult, askModel } from "./askModel.js";
export { type BuildMessagesOptions, buildMessages } from "./buildMessages.js";
export {
  type CreateSuggesterOptions,
  createSuggester,
  type SuggestCallOptions,
  type Suggester,
  type SuggestStreamItem,
} from "./createSuggester.js";
export {
  CalibratorFileError,
  ContextTooSmallError,
  InvalidRequestError,
  type InvalidRequestErrorOptions,
  SuggestError,
  SuggesterConfigError,
} from "./errors.js";
export { calibrationPathFor, loadCalibrator } from "./loadCalibrator.js";
export { packageInfo } from "./packageInfo.js";
export {
  DEFAULT_SUGGEST_TLDS,
  MAX_DESCRIPTION_LENGTH,
  type ResolvedRequest,
  resolveRequest,
  SUGGEST_STYLES,
  type SuggestRequest,
  type SuggestStyle,
  suggestRequestSchema,
} from "./request.js";
export {
  type AvailabilityLookup,
  type PipelineDeps,
  type PipelineStats,
  type RunPipelineOptions,
  runPipeline,
  type Suggestion,
  type SuggestResponse,
} from "./runPipeline.js";
export { checkDomain, type DropReason, type ValidateDomain } from "./stages/checkDomain.js";
export {
  answerTokensFor,
  type FitPromptOptions,
  type FittedPrompt,
  fitPrompt,
  itemsPerRound,
} from "./stages/fitPrompt.js";
export { type OutputFilter, policyOutputFilter } from "./stages/outputFilter.js";
export { type Candidate, rankSuggestions, styleFit } from "./stages/rankSuggestions.js";
export { type ShortenedDescription, type ShorteningStep, shortenDescription } from "./stages/shortenDescription.js";
