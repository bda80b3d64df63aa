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
  /** When Node finished its own bootstrap (before any of our code ran). */
  nodeBootstrapMs: number;
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
      const report: TimingReport = { nodeBootstrapMs: nodeBootstrapMs(), marks };
      return `nomen-timings ${JSON.stringify(report)}\n`;
    },
  };
}

function nodeBootstrapMs(): number {
  // `performance.nodeTiming` exists in Node ≥ 16 but is missing from the DOM-flavoured `Performance` type.
  return (performance as unknown as { nodeTiming: { bootstrapComplete: number } }).nodeTiming.bootstrapComplete;
}
