/**
 * @module nomen — The nomen command: an Ink terminal app to name a business, train and evaluate models, and scripts-friendly subcommands.
 */
export {
  type Backend,
  missingDefaultModelMessage,
  type OpenBackendOptions,
  openBackend,
  openSuggester,
  type SuggestBackend,
} from "./backend.js";
export { copyWithOsc52 } from "./clipboard.js";
export { type CliConfig, defaultCliConfig, type LoadCliConfigOptions, loadCliConfig } from "./config.js";
export {
  type DefaultModelPaths,
  defaultModelFiles,
  type FindDefaultModelOptions,
  findDefaultModel,
} from "./defaultModel.js";
export { ConfigFileError, MissingDependencyError, StateFileError, UsageError } from "./errors.js";
export { ExitCode, exitCodeFor } from "./exitCodes.js";
export { type ExportRow, exportResults, toCsv } from "./exportResults.js";
export { packageInfo } from "./packageInfo.js";
export { listRuns, newRunId, type RunRecord, saveRun } from "./runs.js";
export { History, type HistoryEntry } from "./store/History.js";
export { Shortlist, type ShortlistEntry } from "./store/Shortlist.js";
export { runLoraSweep, type SweepEvents } from "./train/runLoraSweep.js";
export {
  type LoraTrainOutput,
  loadTrainingData,
  runLoraTraining,
  type TrainEvents,
} from "./train/runLoraTraining.js";
export { sparkline } from "./train/sparkline.js";
export {
  type LoraSweepInput,
  type LoraSweepOptions,
  type LoraTrainInput,
  type LoraTrainOptions,
  readTrainConfigFile,
  resolveLoraSweepOptions,
  resolveLoraTrainOptions,
} from "./train/trainOptions.js";
export { App, type AppProps } from "./ui/App.js";
export { type ProgressState, ProgressView } from "./ui/ProgressView.js";
export { type TrainState, TrainStore } from "./ui/TrainStore.js";
export { duration, TrainApp, TrainView } from "./ui/TrainView.js";
export type { RequestOptions, ResultItem } from "./ui/types.js";
