import type { TrainResult } from "@nomen/lora-trainer";
import { render } from "ink";
import type { ReactElement } from "react";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import type { CommandIo } from "../terminal.js";
import { TrainStore } from "../ui/TrainStore.js";
import { TrainApp } from "../ui/TrainView.js";
import type { TrainEvents } from "./runLoraTraining.js";

/** Options for {@link runLiveTraining}. */
export interface LiveTrainingOptions {
  /** The view's title. */
  title: string;
  /** Prefix of the plain lines off a terminal, e.g. "train base". */
  command: string;
  io: CommandIo;
  /** Stops training; defaults to one aborted by the first SIGINT (a second SIGINT exits at once). */
  signal?: AbortSignal;
  /** Draws the live view when stdout is a terminal. Defaults to Ink's `render`. */
  renderView?: (view: ReactElement) => { waitUntilExit?: () => Promise<unknown> };
}

/** What a training run returns at least: the loop's result. */
export interface FinishedTraining {
  result: TrainResult;
}

/** How {@link runLiveTraining} reports a finished run and classifies a failure. */
export interface LiveTrainingRun<T extends FinishedTraining> {
  train: (events: TrainEvents, signal: AbortSignal) => Promise<T>;
  /** The run's output in the outcome line, e.g. "adapter out/adapter.gguf". */
  describe: (output: T) => string;
  /** The files and facts the JSON summary starts with (off a terminal). */
  files: (output: T) => Record<string, unknown>;
  /** Failures that mean bad settings or data, by error name: they become a UsageError (exit 2). */
  isBadInput: (name: string) => boolean;
}

/**
 * Runs one `nomen train lora|base` job with the live Ink view on a terminal, or plain progress lines on stderr and a
 * JSON summary on stdout otherwise. The first SIGINT (unless `signal` is given) stops at the next micro-batch and the
 * run exits 130 naming the checkpoint to `--resume` from; a second exits at once.
 */
export async function runLiveTraining<T extends FinishedTraining>(
  options: LiveTrainingOptions,
  run: LiveTrainingRun<T>,
): Promise<number> {
  const { io, command } = options;
  const controller = new AbortController();
  const signal = options.signal ?? controller.signal;
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(ExitCode.interrupted);
    controller.abort(new Error("interrupted (Ctrl-C)"));
  };
  if (!options.signal) process.on("SIGINT", onSigint);
  const store = new TrainStore(options.title);
  const draw = options.renderView ?? ((view: ReactElement) => render(view, { exitOnCtrlC: false }));
  const view = io.stdout.isTTY ? draw(<TrainApp store={store} />) : undefined;
  const say = (line: string) => {
    if (!view) io.stderr.write(`nomen: ${command}: ${line}\n`);
  };
  try {
    const output = await run.train(liveEvents(store, say), signal);
    const { result } = output;
    const message = `${result.steps}/${result.totalSteps} steps, final loss ${result.losses.at(-1)?.toFixed(4) ?? "n/a"}; ${run.describe(output)}`;
    store.update({ finished: { ok: true, message } });
    say(message);
    if (!view) {
      const summary = {
        ...run.files(output),
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
      const step = store.state.progress?.step ?? 0;
      const message = at
        ? `interrupted at step ${step}; checkpoint step ${at.step} written, continue with --resume (${at.path})`
        : `interrupted at step ${step} before the first checkpoint; nothing to resume (lower --checkpoint-every)`;
      store.update({ finished: { ok: false, message } });
      say(message); // on a terminal the view's last frame says it
      return ExitCode.interrupted;
    }
    const mapped =
      error instanceof Error && run.isBadInput(error.name)
        ? new UsageError(`nomen ${command}: ${error.message}`, { cause: error })
        : error;
    store.update({ finished: { ok: false, message: mapped instanceof Error ? mapped.message : String(mapped) } });
    throw mapped;
  } finally {
    if (!options.signal) process.off("SIGINT", onSigint);
    await view?.waitUntilExit?.();
  }
}

/** The runner's events: the view and, off a terminal, one line per phase, checkpoint and ~2% of the steps. */
function liveEvents(store: TrainStore, say: (line: string) => void): TrainEvents {
  let printEvery = 1;
  return {
    onPhase: (phase, detail) => {
      store.update({ phase });
      say(`${phase} ${detail}`);
    },
    onProgress: (progress) => {
      store.step(progress);
      printEvery = Math.max(1, Math.floor(progress.totalSteps / 50));
      const { step, totalSteps } = progress;
      if (step % printEvery === 0 || step === totalSteps || progress.validationLoss !== undefined) {
        const validation = progress.validationLoss === undefined ? "" : ` val ${progress.validationLoss.toFixed(4)}`;
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
  };
}
