import { setTimeout as delay } from "node:timers/promises";

/** Where the checker reads the time and waits: real by default, injectable so tests need not sleep. */
export interface Clock {
  /** Milliseconds since the epoch, like `Date.now`. */
  readonly now: () => number;
  /** Resolves after `ms` milliseconds; rejects with `signal.reason` when `signal` aborts first. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** `Date.now` and `node:timers/promises`' `setTimeout`. */
export const realClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }),
});
