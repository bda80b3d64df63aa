import type { ReactElement } from "react";
import { ExitCode } from "../exitCodes.js";
import { type CommandIo, processIo } from "../terminal.js";
import { type BaseTrainInput, resolveBaseTrainOptions } from "../train/baseTrainOptions.js";
import { startLiveTraining } from "../train/liveTraining.js";
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
  const live = startLiveTraining({
    title: `train base on ${settings.data} → ${settings.out}`,
    command: "train base",
    io,
    signal: options.signal,
    renderView: options.renderView,
  });
  try {
    const output = await runBaseTraining(settings, live.events, live.signal);
    const { result } = output;
    live.succeeded(
      `${result.steps}/${result.totalSteps} steps, final loss ${result.losses.at(-1)?.toFixed(4) ?? "n/a"}; model ${output.model}`,
    );
    if (!live.interactive) {
      const summary = {
        model: output.model,
        vocabulary: output.vocabulary,
        log: output.trainLog,
        parameters: output.parameters,
        steps: result.steps,
        totalSteps: result.totalSteps,
        finalLoss: result.losses.at(-1) ?? null,
        bestValidationLoss: result.bestValidationLoss,
        resumedFrom: result.resumedFrom ?? null,
      };
      io.stdout.write(`${JSON.stringify(summary)}\n`);
    }
    return ExitCode.ok;
  } catch (error) {
    if ((error instanceof Error && error.name === "AbortError") || live.signal.aborted) return live.interrupted();
    throw live.failed(error, (name) => BAD_INPUT.test(name));
  } finally {
    await live.close();
  }
}
