import type { TrialResult } from "@nomen/lora-trainer";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import { type CommandIo, processIo } from "../terminal.js";
import { runLiveTraining } from "../train/liveTraining.js";
import { runLoraSweep } from "../train/runLoraSweep.js";
import { runLoraTraining } from "../train/runLoraTraining.js";
import {
  type LoraSweepInput,
  type LoraTrainInput,
  readTrainConfigFile,
  resolveLoraSweepOptions,
  resolveLoraTrainOptions,
} from "../train/trainOptions.js";
import { withProgress } from "./withProgress.js";

/** Flags of `nomen train lora` (numbers already parsed by commander). */
export interface TrainLoraFlags extends Partial<LoraTrainInput> {
  config?: string;
}

/** Errors of `@nomen/lora-trainer` and `@nomen/gguf` that mean the user's input is wrong (exit 2), by name. */
const BAD_INPUT = new Set([
  "DatasetValidationError",
  "EmptyDatasetError",
  "TrainingConfigError",
  "TrainingPlanError",
  "InsufficientMemoryError",
  "CheckpointMismatchError",
  "InvalidInputError",
  "UnsupportedArchitectureError",
  "UnsupportedTensorTypeError",
  "ModelMetadataError",
  "MissingTensorError",
  "TensorShapeMismatchError",
  "GgufError",
]);

/** Options for {@link trainLoraCommand} (tests inject the signal instead of pressing Ctrl-C). */
export interface TrainCommandOptions {
  /** Stops training; defaults to one aborted by the first SIGINT (a second SIGINT exits at once). */
  signal?: AbortSignal;
}

/**
 * `nomen train lora`: live Ink view on a terminal (progress bar with ETA, loss sparkline, tokens/s), plain lines on
 * stderr otherwise and a JSON summary on stdout. Ctrl-C stops at the next micro-batch; the newest checkpoint in
 * `<out>/checkpoints` is where `--resume` continues. Exit: 0 done, 2 bad settings or data, 3 a file is missing,
 * 130 interrupted.
 */
export async function trainLoraCommand(
  flags: TrainLoraFlags,
  io: CommandIo = processIo,
  options: TrainCommandOptions = {},
): Promise<number> {
  const { config, ...given } = flags;
  const settings = resolveLoraTrainOptions(given, config ? readTrainConfigFile(config) : undefined);
  return runLiveTraining(
    {
      title: `train lora ${settings.base} on ${settings.data} → ${settings.out}`,
      command: "train",
      io,
      signal: options.signal,
    },
    {
      train: (events, signal) => runLoraTraining(settings, events, signal),
      describe: (output) => `adapter ${output.adapter}`,
      files: (output) => ({ adapter: output.adapter, peft: output.peftDir, log: output.trainLog }),
      isBadInput: (name) => BAD_INPUT.has(name) || /^Gguf\w*Error$/.test(name),
    },
  );
}

/** Flags of `nomen train sweep` (lists already parsed by commander). */
export interface TrainSweepFlags extends Partial<LoraSweepInput> {
  config?: string;
}

/**
 * `nomen train sweep`: `@nomen/lora-trainer`'s `sweep` over learning rates, ranks, alphas and epochs, with live
 * progress per trial (Ink on a terminal, plain lines otherwise), the ranked table (terminal) or a JSON summary
 * (otherwise) on stdout, `trial-NNN.json` + `results.json` in `--out`. Exit: 0, 2, 3, 130 as `train lora`.
 */
export async function trainSweepCommand(
  flags: TrainSweepFlags,
  io: CommandIo = processIo,
  options: TrainCommandOptions = {},
): Promise<number> {
  const { config, ...given } = flags;
  const settings = resolveLoraSweepOptions(given, config ? readTrainConfigFile(config) : undefined);
  const controller = new AbortController();
  const signal = options.signal ?? controller.signal;
  const onSigint = () => controller.abort(new Error("interrupted (Ctrl-C)"));
  if (!options.signal) process.once("SIGINT", onSigint);
  const interactive = Boolean(io.stdout.isTTY);
  try {
    const result = await withProgress(
      `train sweep ${settings.base} on ${settings.data} → ${settings.out}`,
      async (store) => {
        const finished: TrialResult[] = [];
        const result = await runLoraSweep(
          settings,
          {
            onPhase: (phase) => store.update({ phase }),
            onPlan: (total) => store.update({ total }),
            log: (line) => store.update({ lines: [line] }),
            onTrial: (trial) => {
              finished.push(trial);
              const best = finished
                .filter((t) => Number.isFinite(t.validationLoss))
                .sort((a, b) => a.validationLoss - b.validationLoss)[0];
              const line = trialLine(trial);
              store.update({
                phase: "trial",
                done: finished.length,
                lines: [line, ...(best ? [`best so far: ${trialLine(best)}`] : [])],
              });
              if (!interactive) io.stderr.write(`nomen: train sweep: ${line}\n`);
            },
          },
          signal,
        );
        return { result, message: `best ${trialLine(result.best)}; results in ${settings.out}/results.json` };
      },
      { ...io, interactive },
    );
    if (interactive) io.stdout.write(`${result.table}\n`);
    else io.stdout.write(`${JSON.stringify({ best: result.best, trials: result.trials.length, out: settings.out })}\n`);
    return ExitCode.ok;
  } catch (error) {
    if ((error instanceof Error && error.name === "AbortError") || signal.aborted) {
      io.stderr.write(`nomen: train sweep: interrupted; finished trials are in ${settings.out}\n`);
      return ExitCode.interrupted;
    }
    throw error instanceof Error && (BAD_INPUT.has(error.name) || /^Gguf\w*Error$/.test(error.name))
      ? new UsageError(`nomen train sweep: ${error.message}`, { cause: error })
      : error;
  } finally {
    if (!options.signal) process.off("SIGINT", onSigint);
  }
}

function trialLine(trial: TrialResult): string {
  const { learningRate, rank, alpha, epochs } = trial.config;
  const outcome = trial.error ? `failed: ${trial.error}` : `val loss ${trial.validationLoss.toFixed(4)}`;
  return `trial ${trial.trial}: lr ${learningRate} rank ${rank} alpha ${alpha} epochs ${epochs} → ${outcome} (${trial.seconds.toFixed(1)}s)`;
}
