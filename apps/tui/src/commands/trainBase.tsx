import type { ReactElement } from "react";
import { type CommandIo, processIo } from "../terminal.js";
import { type BaseTrainInput, resolveBaseTrainOptions } from "../train/baseTrainOptions.js";
import { runLiveTraining } from "../train/liveTraining.js";
import { runBaseTraining } from "../train/runBaseTraining.js";
import { readTrainConfigFile } from "../train/trainOptions.js";

/** Flags of `nomen train base` (numbers already parsed by commander). */
export interface TrainBaseFlags extends Partial<BaseTrainInput> {
  config?: string;
}

/** Options for {@link trainBaseCommand}; tests inject the signal and the Ink renderer. */
export interface TrainBaseCommandOptions {
  /** Stops training; defaults to one aborted by the first SIGINT (a second SIGINT exits at once). */
  signal?: AbortSignal;
  /** Draws the live view when stdout is a terminal. Defaults to Ink's `render`. */
  renderView?: (view: ReactElement) => { waitUntilExit?: () => Promise<unknown> };
}

/** lora-trainer and gguf errors that mean the settings or the data are wrong (exit 2), by name. */
const BAD_INPUT =
  /^(DatasetValidation|EmptyDataset|TrainingConfig|TrainingPlan|InsufficientMemory|CheckpointMismatch|InvalidInput|InvalidTrainingOptions|Gguf\w*)Error$/;

/**
 * `nomen train base`: pre-trains a small Llama/Qwen2 model from scratch with `@nomen/lora-trainer`'s FullModel and
 * training loop. Live Ink view on a terminal (progress bar with ETA, loss sparkline, tokens/s, validation,
 * checkpoints), plain lines on stderr and a JSON summary on stdout otherwise. Ctrl-C checkpoints the last finished
 * step and exits 130; `--resume` continues bit for bit. Exit: 0 done, 2 bad settings or data, 3 a file is missing.
 */
export async function trainBaseCommand(
  flags: TrainBaseFlags,
  io: CommandIo = processIo,
  options: TrainBaseCommandOptions = {},
): Promise<number> {
  const { config, ...given } = flags;
  const settings = resolveBaseTrainOptions(given, config ? readTrainConfigFile(config) : undefined);
  return runLiveTraining(
    {
      title: `train base on ${settings.data} → ${settings.out}`,
      command: "train base",
      io,
      signal: options.signal,
      renderView: options.renderView,
    },
    {
      train: (events, signal) => runBaseTraining(settings, events, signal),
      describe: (output) => `model ${output.model}`,
      files: (output) => ({
        model: output.model,
        vocabulary: output.vocabulary,
        log: output.trainLog,
        parameters: output.parameters,
      }),
      isBadInput: (name) => BAD_INPUT.test(name),
    },
  );
}
