import { channel } from "node:diagnostics_channel";

/**
 * The `node:diagnostics_channel` on which Nomen's packages publish stage timings (runtime start, model load,
 * generation, pipeline stages). Publishing costs nothing while no one subscribes; `nomen suggest` subscribes
 * when `NOMEN_TIMINGS=1` and its benchmark reads the breakdown from there.
 */
export const TIMING_CHANNEL = "nomen:timing";

/** One published mark: `at` is `performance.now()` (ms since the process started). */
export interface TimingEvent {
  name: string;
  at: number;
  detail?: Record<string, number | string | boolean>;
}

const timing = channel(TIMING_CHANNEL);

/** Publishes a stage mark on {@link TIMING_CHANNEL} when someone listens. */
export function markTiming(name: string, detail?: TimingEvent["detail"]): void {
  if (timing.hasSubscribers) timing.publish({ name, at: performance.now(), detail } satisfies TimingEvent);
}
