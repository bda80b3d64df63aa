import { render } from "ink";
import type { ReactElement } from "react";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import type { CommandIo } from "../terminal.js";
import { TrainStore } from "../ui/TrainStore.js";
import { TrainApp } from "../ui/TrainView.js";
import type { TrainEvents } from "./runLoraTraining.js";

/** Options for {@link startLiveTraining}. */
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

/** One training command's live view or plain lines, its Ctrl-C handling and its outcome messages. */
export interface LiveTraining {
  store: TrainStore;
  signal: AbortSignal;
  /** Whether the Ink view draws (stdout is a terminal); otherwise lines go to stderr. */
  interactive: boolean;
  /** The runner's events: the view and, off a terminal, one line per phase, checkpoint and ~2% of the steps. */
  events: TrainEvents;
  say(line: string): void;
  succeeded(message: string): void;
  /** After an abort: says where to resume from (or that nothing can be) and returns exit code 130. */
  interrupted(): number;
  /** Any other failure: bad settings or data (by error name) become a UsageError (exit 2); returns what to throw. */
  failed(error: unknown, isBadInput: (name: string) => boolean): unknown;
  close(): Promise<void>;
}

/** Starts the live view (on a terminal) or plain progress lines for `nomen train lora|base`. */
export function startLiveTraining(options: LiveTrainingOptions): LiveTraining {
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
  let printEvery = 1;
  const events: TrainEvents = {
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
  return {
    store,
    signal,
    interactive: Boolean(view),
    events,
    say,
    succeeded(message) {
      store.update({ finished: { ok: true, message } });
      say(message);
    },
    interrupted() {
      const at = store.state.checkpoint;
      const step = store.state.progress?.step ?? 0;
      const message = at
        ? `interrupted at step ${step}; checkpoint step ${at.step} written, continue with --resume (${at.path})`
        : `interrupted at step ${step} before the first checkpoint; nothing to resume (lower --checkpoint-every)`;
      store.update({ finished: { ok: false, message } });
      say(message); // on a terminal the view's last frame says it
      return ExitCode.interrupted;
    },
    failed(error, isBadInput) {
      const mapped =
        error instanceof Error && isBadInput(error.name)
          ? new UsageError(`nomen ${command}: ${error.message}`, { cause: error })
          : error;
      store.update({ finished: { ok: false, message: mapped instanceof Error ? mapped.message : String(mapped) } });
      return mapped;
    },
    async close() {
      if (!options.signal) process.off("SIGINT", onSigint);
      await view?.waitUntilExit?.();
    },
  };
}
