import { subscribe, unsubscribe } from "node:diagnostics_channel";

/**
 * The channel `@nomen/metal-runtime` and `@nomen/suggest` publish stage marks on (metal-runtime's
 * `TIMING_CHANNEL`; importing it from there would load llama.cpp's binding before a command starts).
 */
export const TIMING_CHANNEL = "nomen:timing";

/** One stage mark: `at` in ms since the process started (`performance.now()`). */
export interface TimingMark {
  name: string;
  at: number;
  detail?: Record<string, number | string | boolean>;
}

/** What `NOMEN_TIMINGS=1 nomen suggest …` writes to stderr, as one line: `nomen-timings {json}`. */
export interface TimingReport {
  /** The process's start, in ms since the epoch (`performance.timeOrigin`): lines a parent's clock up with `at`. */
  timeOrigin: number;
  /** When Node finished its own bootstrap (before any of our code ran). */
  nodeBootstrapMs: number;
  /** CPU this process used until `cli:done` (not counting child processes), ms: steadier than wall time on a busy machine. */
  cpuMs: { user: number; system: number };
  marks: TimingMark[];
}

/** Collects the stage marks of one command while `env.NOMEN_TIMINGS` is set; `undefined` otherwise (no cost). */
export function recordTimings(env: Record<string, string | undefined>) {
  if (!env.NOMEN_TIMINGS || env.NOMEN_TIMINGS === "0") return undefined;
  const marks: TimingMark[] = [];
  const listener = (message: unknown) => marks.push(message as TimingMark);
  subscribe(TIMING_CHANNEL, listener);
  return {
    mark(name: string, detail?: TimingMark["detail"]) {
      marks.push({ name, at: performance.now(), detail });
    },
    /** Stops listening and returns the line to print. */
    finish(): string {
      unsubscribe(TIMING_CHANNEL, listener);
      const cpu = process.cpuUsage();
      const report: TimingReport = {
        timeOrigin: performance.timeOrigin,
        nodeBootstrapMs: nodeBootstrapMs(),
        cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
        marks,
      };
      return `nomen-timings ${JSON.stringify(report)}\n`;
    },
  };
}

function nodeBootstrapMs(): number {
  // `performance.nodeTiming` exists in Node ≥ 16 but is missing from the DOM-flavoured `Performance` type.
  return (performance as unknown as { nodeTiming: { bootstrapComplete: number } }).nodeTiming.bootstrapComplete;
}

/** Where the time of one `nomen suggest` went, in ms; stages that overlap are named for what runs in them. */
export interface SuggestPhases {
  /** Node's own start, before any of our code. */
  nodeStart: number;
  /** The CLI's modules, the flags and the settings, up to the command. */
  cliStart: number;
  /** Importing node-llama-cpp (and metal-runtime) before llama.cpp can start. */
  importRuntime: number;
  /** llama.cpp's start (node-llama-cpp tests its binary in a child process); meanwhile the pipeline's modules import and the guards warm up. */
  startRuntimeAndImports: number;
  /** GGUF validation, model load and context creation. */
  loadModel: number;
  /** Up to the pipeline's first stage: calibration file, suggester setup. */
  setup: number;
  /** Input guard and prompt fitting. */
  prompt: number;
  /** Token generation, every round together (prompt evaluation included). */
  generation: number;
  /** Validation, output guard (and availability when asked), measured per name inside generation, plus ranking. */
  postProcessing: number;
  /** Printing the answer and freeing the model and llama.cpp. */
  outputAndDispose: number;
  /** Generation rounds and generated tokens. */
  rounds: number;
  tokens: number;
  /** Whether availability was checked (network) or skipped. */
  availabilityChecked: boolean;
}

/** Splits a {@link TimingReport} of `nomen suggest` into phases; `undefined` when a stage mark is missing (e.g. --demo). */
export function suggestPhases(report: TimingReport): SuggestPhases | undefined {
  const at = (name: string) => report.marks.find((mark) => mark.name === name)?.at;
  const all = (name: string) => report.marks.filter((mark) => mark.name === name);
  const stages = [
    "cli:command",
    "runtime:start",
    "runtime:ready",
    "context:ready",
    "pipeline:start",
    "pipeline:prompt",
  ];
  const [command, runtimeStart, runtimeReady, contextReady, pipelineStart, prompt] = stages.map(at);
  const [generated, done, cliDone] = ["pipeline:generated", "pipeline:done", "cli:done"].map(at);
  if ([command, runtimeStart, runtimeReady, contextReady, pipelineStart, prompt, done, cliDone].includes(undefined)) {
    return undefined;
  }
  const starts = all("generate:start");
  const ends = all("generate:end");
  const generation = starts.reduce((sum, start, i) => sum + ((ends[i]?.at ?? start.at) - start.at), 0);
  const detail = report.marks.find((mark) => mark.name === "pipeline:generated")?.detail ?? {};
  const checkMs = Number(detail.checkMs ?? 0);
  const n = (value: number | undefined) => value as number;
  return {
    nodeStart: report.nodeBootstrapMs,
    cliStart: n(command) - report.nodeBootstrapMs,
    importRuntime: n(runtimeStart) - n(command),
    startRuntimeAndImports: n(runtimeReady) - n(runtimeStart),
    loadModel: n(contextReady) - n(runtimeReady),
    setup: n(pipelineStart) - n(contextReady),
    prompt: n(prompt) - n(pipelineStart),
    generation,
    postProcessing: checkMs + (generated === undefined ? 0 : n(done) - generated),
    outputAndDispose: n(cliDone) - n(done),
    rounds: starts.length,
    tokens: ends.reduce((sum, end) => sum + Number(end.detail?.tokens ?? 0), 0),
    availabilityChecked: detail.availability === true,
  };
}
