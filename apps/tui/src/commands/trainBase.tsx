import { render } from "ink";
import type { ReactElement } from "react";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import { type CommandIo, processIo } from "../terminal.js";
import { type BaseTrainInput, resolveBaseTrainOptions } from "../train/baseTrainOptions.js";
import { runBaseTraining } from "../train/runBaseTraining.js";
import { readTrainConfigFile } from "../train/trainOptions.js";
import { TrainStore } from "../ui/TrainStore.js";
import { TrainApp } from "../ui/TrainView.js";

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
  const controller = new AbortController();
  const signal = options.signal ?? controller.signal;
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(ExitCode.interrupted);
    controller.abort(new Error("interrupted (Ctrl-C)"));
  };
  if (!options.signal) process.on("SIGINT", onSigint);

  const store = new TrainStore(`train base on ${settings.data} → ${settings.out}`);
  const draw = options.renderView ?? ((view: ReactElement) => render(view, { exitOnCtrlC: false }));
  const view = io.stdout.isTTY ? draw(<TrainApp store={store} />) : undefined;
  const say = (line: string) => {
    if (!view) io.stderr.write(`nomen: train base: ${line}\n`);
  };
  let printEvery = 1;
  try {
    const output = await runBaseTraining(
      settings,
      {
        onPhase: (phase, detail) => {
          store.update({ phase });
          say(`${phase} ${detail}`);
        },
        onProgress: (progress) => {
          store.step(progress);
          printEvery = Math.max(1, Math.floor(progress.totalSteps / 50));
          const { step, totalSteps } = progress;
          if (step % printEvery === 0 || step === totalSteps || progress.validationLoss !== undefined) {
            const validation =
              progress.validationLoss === undefined ? "" : ` val ${progress.validationLoss.toFixed(4)}`;
            say(
              `step ${step}/${totalSteps} loss ${progress.loss.toFixed(4)}${validation} lr ${progress.lr.toExponential(2)} ` +
                `${Math.round(progress.tokensPerSecond)} tokens/s eta ${Math.round(progress.etaSeconds)}s`,
            );
          }
        },
        onCheckpoint: (path, step) => {
          store.update({ checkpoint: { path, step } });
          say(`checkpoint step ${step}: ${path}`);
        },
        log: (line) => {
          store.update({ notes: [...store.state.notes, line] });
          say(line);
        },
      },
      signal,
    );
    const { result } = output;
    const message = `${result.steps}/${result.totalSteps} steps, final loss ${result.losses.at(-1)?.toFixed(4) ?? "n/a"}; model ${output.model}`;
    store.update({ finished: { ok: true, message } });
    say(message);
    if (!view) {
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
    if ((error instanceof Error && error.name === "AbortError") || signal.aborted) {
      const at = store.state.checkpoint;
      const message = at
        ? `interrupted at step ${store.state.progress?.step ?? 0}; checkpoint step ${at.step} written, continue with --resume (${at.path})`
        : `interrupted at step ${store.state.progress?.step ?? 0} with no checkpoint written; nothing to resume`;
      store.update({ finished: { ok: false, message } });
      if (!view) io.stderr.write(`nomen: train base: ${message}\n`);
      return ExitCode.interrupted;
    }
    const mapped =
      error instanceof Error && BAD_INPUT.test(error.name)
        ? new UsageError(`nomen train base: ${error.message}`, { cause: error })
        : error;
    store.update({ finished: { ok: false, message: mapped instanceof Error ? mapped.message : String(mapped) } });
    throw mapped;
  } finally {
    if (!options.signal) process.off("SIGINT", onSigint);
    await view?.waitUntilExit?.();
  }
}
