import type { TrialResult } from "@nomen/lora-trainer";
import { render } from "ink";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import { type CommandIo, processIo } from "../terminal.js";
import { runLoraSweep } from "../train/runLoraSweep.js";
import { runLoraTraining } from "../train/runLoraTraining.js";
import {
  type LoraSweepInput,
  type LoraTrainInput,
  readTrainConfigFile,
  resolveLoraSweepOptions,
  resolveLoraTrainOptions,
} from "../train/trainOptions.js";
import { TrainStore } from "../ui/TrainStore.js";
import { TrainApp } from "../ui/TrainView.js";
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
  const controller = new AbortController();
  const signal = options.signal ?? controller.signal;
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(ExitCode.interrupted);
    controller.abort(new Error("interrupted (Ctrl-C)"));
  };
  if (!options.signal) process.on("SIGINT", onSigint);

  const title = `train lora ${settings.base} on ${settings.data} → ${settings.out}`;
  const store = new TrainStore(title);
  const ink = io.stdout.isTTY ? render(<TrainApp store={store} />, { exitOnCtrlC: false }) : undefined;
  const say = (line: string) => {
    if (!ink) io.stderr.write(`nomen: train: ${line}\n`);
  };
  let printEvery = 1;
  try {
    const output = await runLoraTraining(
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
    const message = `${result.steps}/${result.totalSteps} steps, final loss ${result.losses.at(-1)?.toFixed(4) ?? "n/a"}; adapter ${output.adapter}`;
    store.update({ finished: { ok: true, message } });
    say(message);
    if (!ink) {
      const summary = {
        adapter: output.adapter,
        peft: output.peftDir,
        log: output.trainLog,
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
    const name = error instanceof Error ? error.name : "";
    if (name === "AbortError" || signal.aborted) {
      const at = store.state.checkpoint;
      const message = at
        ? `interrupted at step ${store.state.progress?.step ?? 0}; resume from checkpoint step ${at.step} with --resume (${at.path})`
        : `interrupted at step ${store.state.progress?.step ?? 0} before the first checkpoint; nothing to resume (lower --checkpoint-every)`;
      store.update({ finished: { ok: false, message } });
      if (!ink) io.stderr.write(`nomen: train: ${message}\n`); // on a terminal the view's last frame says it
      return ExitCode.interrupted;
    }
    const mapped =
      error instanceof Error && (BAD_INPUT.has(error.name) || /^Gguf\w*Error$/.test(error.name))
        ? new UsageError(`nomen train lora: ${error.message}`, { cause: error })
        : error;
    store.update({ finished: { ok: false, message: mapped instanceof Error ? mapped.message : String(mapped) } });
    throw mapped;
  } finally {
    if (!options.signal) process.off("SIGINT", onSigint);
    await ink?.waitUntilExit();
  }
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
