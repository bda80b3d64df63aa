/**
 * @module @nomen/metal-runtime — Run GGUF models close to the metal (Metal, CUDA, Vulkan or CPU through node-llama-cpp) or on a remote OpenAI-compatible engine.
 */
export {
  type Calibrate,
  type CalibrationSample,
  type CalibratorSpec,
  createCalibrator,
  fitIsotonic,
  fitPlatt,
} from "./calibration/calibrator.js";
export {
  AdapterMismatchError,
  BusyError,
  CalibrationError,
  DisposedError,
  EngineError,
  GenerationAbortedError,
  GenerationTimeoutError,
  InvalidOptionsError,
  MetalRuntimeError,
  ModelFileError,
  RemoteBackendError,
} from "./errors.js";
export { ggufModelValidator } from "./ggufModelValidator.js";
export {
  DEFAULT_TLDS,
  matchesConstraints,
  type ResolvedConstraints,
  resolveConstraints,
} from "./grammar/resolveConstraints.js";
export { type ParsedItem, SuggestionStreamParser } from "./grammar/SuggestionStreamParser.js";
export { BLOCKED_ANSWER, buildSuggestionGbnf } from "./grammar/suggestionGrammar.js";
export { type AdapterSpec, type CreateGeneratorOptions, LocalGenerator } from "./LocalGenerator.js";
export { type LoadModelOptions, LocalModel } from "./LocalModel.js";
export { type GpuChoice, type LoadRuntimeOptions, loadRuntime, Runtime, type RuntimeBackend } from "./loadRuntime.js";
export { LOWERCASE_USER_TURNS_KEY, lowercaseUserTurns, wantsLowercaseUserTurns } from "./lowercaseUserTurns.js";
export type { AdapterFileSummary, ModelFileSummary, ModelValidator } from "./ModelValidator.js";
export { packageInfo } from "./packageInfo.js";
export { PROMPT_TOKEN_LIMIT_KEY } from "./promptTokenLimit.js";
export { type RecommendThreadsOptions, recommendThreads } from "./recommendThreads.js";
export {
  DECISION_PREFIX,
  type DecisionTokens,
  decisionTokens,
  REFUSAL_BIAS_KEY,
} from "./refusalDecision.js";
export { markTiming, TIMING_CHANNEL, type TimingEvent } from "./timing.js";
export type {
  ChatMessage,
  FinishReason,
  GeneratedSuggestion,
  GenerateSuggestionsOptions,
  GenerationResult,
  PromptInput,
  SuggestionConstraints,
  SuggestionGenerator,
} from "./types.js";
