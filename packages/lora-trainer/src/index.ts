/**
 * @module @nomen/lora-trainer — Llama/Qwen2 in TensorFlow.js: GGUF in, LoRA or from-scratch training, GGUF and PEFT adapters out.
 */
export { type LoadedTf, type LoadTfOptions, loadTf, type Tf, type TfBackendName } from "./backend/loadTf.js";
export { applyWasmKernelFixes, type PackTransientlyOptions, packTransiently } from "./backend/wasmKernelFixes.js";
export {
  type MakeBatchesOptions,
  makeBatches,
  padBatch,
  type SplitValidationOptions,
  splitValidation,
} from "./data/batching.js";
export {
  type EstimateTrainingMemoryOptions,
  estimateTrainingMemory,
  type TrainingMemoryReport,
} from "./data/estimateTrainingMemory.js";
export {
  type ChatExample,
  type DatasetFormat,
  type LoadExamplesOptions,
  loadExamples,
  type ParsedExamples,
  parseExamples,
} from "./data/parseExamples.js";
export { type PrepareDatasetOptions, type PreparedDataset, prepareDataset } from "./data/prepareDataset.js";
export { type JsonlContents, type JsonlRecord, type ReadJsonlOptions, readJsonl } from "./data/readJsonl.js";
export { seededRandom, shuffled } from "./data/seededRandom.js";
export type { TokenBatch, TokenizedExample } from "./data/TokenBatch.js";
export {
  type OverflowPolicy,
  type TokenizedDataset,
  type TokenizeExamplesOptions,
  type TokenizeReport,
  tokenizeExamples,
} from "./data/tokenizeExamples.js";
export { type TrainingPlan, validateTrainingPlan } from "./data/validateTrainingPlan.js";
export {
  AbortError,
  AdapterBaseMismatchError,
  AdapterFormatError,
  BackendUnavailableError,
  CheckpointMismatchError,
  type DatasetProblem,
  DatasetValidationError,
  DisposedError,
  EmptyDatasetError,
  InsufficientMemoryError,
  InvalidInputError,
  LoraTrainerError,
  MissingTensorError,
  ModelMetadataError,
  NonFiniteError,
  TensorShapeMismatchError,
  TrainingConfigError,
  TrainingPlanError,
  UnsupportedArchitectureError,
  UnsupportedTensorTypeError,
} from "./errors.js";
export { checkAdapterBase } from "./export/checkAdapterBase.js";
export { HF_MODULES, hfRowSource } from "./export/hfLayout.js";
export { type LoraWeights, type LoraWeightsPair, loraDelta, loraWeightsOf } from "./export/loraWeights.js";
export { type MergedType, type MergeReport, type MergeToGgufOptions, mergeToGguf } from "./export/mergeToGguf.js";
export { type ExportPeftAdapterOptions, exportPeftAdapter, type PeftExport, peftConfig } from "./export/peft.js";
export { type ReadGgufAdapterOptions, readGgufAdapter } from "./export/readGgufAdapter.js";
export {
  encodeSafetensors,
  type SafetensorsOptions,
  type SafetensorsTensor,
  writeSafetensors,
} from "./export/safetensors.js";
export { writeFileAtomic } from "./export/writeFileAtomic.js";
export { type GenerateGreedyOptions, generateGreedy } from "./generate.js";
export { type LoadModelOptions, loadModel } from "./loadModel.js";
export { type ExportGgufAdapterOptions, exportGgufAdapter } from "./lora/exportGgufAdapter.js";
export { type CreateLoraOptions, LoraAdapter, type LoraPair } from "./lora/LoraAdapter.js";
export {
  countLoraParameters,
  DEFAULT_LORA_TARGETS,
  formatTrainableParameters,
  type LoraOptions,
  loraScale,
  type ResolvedLoraOptions,
  resolveLoraOptions,
} from "./lora/loraConfig.js";
export { nextTokenLoss } from "./lora/nextTokenLoss.js";
export {
  assertFits,
  type EstimateMemoryOptions,
  estimateMemory,
  formatBytes,
  type MemoryReport,
  WASM_HEAP_LIMIT_BYTES,
  wasmHeapBytes,
} from "./memory.js";
export {
  type Architecture,
  type DecoderConfig,
  decoderConfigFromMetadata,
  type RopeStyle,
  SUPPORTED_ARCHITECTURES,
} from "./models/DecoderConfig.js";
export { DecoderModel, type FromSourceOptions, type LogProbsOptions } from "./models/DecoderModel.js";
export { type DecoderForwardOptions, type DecoderParts, decoderForward, type ProjectionFn } from "./models/decoder.js";
export { PROJECTIONS, type Projection, projectionShape } from "./models/expectedTensors.js";
export { GgmlCpuSession } from "./models/GgmlCpuSession.js";
export type { GgmlCpuOptions } from "./models/ggmlCpuContext.js";
export { ggmlCpuLogits } from "./models/ggmlCpuLogits.js";
export { type GgmlCpuProfile, ggmlCpuProfile } from "./models/ggmlCpuProfile.js";
export { withGgufLora } from "./models/ggmlLora.js";
export { activationRoundingFor, type GgmlActivationRounding, roundActivations } from "./models/ggmlRounding.js";
export { type GgmlWeights, ggmlWeightsFromSource } from "./models/ggmlWeights.js";
export { ggufFileSource, type OpenGgufSourceOptions, openGgufSource } from "./models/ggufSource.js";
export { KvCache } from "./models/kvCache.js";
export type { ModelSource, TensorSpec } from "./models/ModelSource.js";
export { type GgmlCpuModel, openGgmlCpuModel } from "./models/openGgmlCpuModel.js";
export type { DecoderLayerWeights, DecoderWeights, Linear } from "./models/weights.js";
export { packageInfo } from "./packageInfo.js";
export { AdamW, type AdamWOptions, type AdamWState, type NamedVariable } from "./tuner/AdamW.js";
export {
  type Checkpoint,
  type CheckpointHeader,
  checkpointFileName,
  latestCheckpoint,
  readCheckpoint,
  writeCheckpoint,
} from "./tuner/checkpoint.js";
export { evaluateLoss } from "./tuner/evaluate.js";
export { FullModel, type FullModelOptions, fullModelConfig } from "./tuner/FullModel.js";
export { learningRateAt, type ScheduleDecay, type ScheduleOptions } from "./tuner/schedule.js";
export {
  formatSweepTable,
  gridOf,
  type SweepOptions,
  type SweepResult,
  type SweepSpace,
  sweep,
  type TrialConfig,
  type TrialResult,
} from "./tuner/sweep.js";
export { loraTrainable, type Trainable } from "./tuner/Trainable.js";
export { DEFAULT_TRAINING_ARGS, resolveTrainingArgs, type TrainingArgs } from "./tuner/TrainingArgs.js";
export { type ReverseWordOptions, reverseWordBatches, reverseWordExample } from "./tuner/toyTask.js";
export { type TrainingProgress, type TrainOptions, type TrainResult, train } from "./tuner/train.js";
export { type WriteFullModelGgufOptions, writeFullModelGguf } from "./tuner/writeFullModelGguf.js";
