import { QueueFullError } from "./errors.js";

/** Options for {@link ModelQueue}. */
export interface ModelQueueOptions {
  /** Jobs that run at once. */
  concurrency: number;
  /** Jobs that may wait for a slot; beyond that {@link ModelQueue.acquire} throws {@link QueueFullError}. */
  maxQueued: number;
  /** Seconds a refused client is told to wait. Defaults to 1. */
  retryAfterSeconds?: number;
  /**
   * Longest wait for a slot in ms; a waiter still in line then gets {@link QueueFullError} (503) instead of
   * running into the request timeout (504). Defaults to no limit.
   */
  maxWaitMs?: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * A bounded FIFO in front of the model: `concurrency` slots, at most `maxQueued` waiters, waiters leave the
 * line when their signal aborts, so a slow model turns into fast 503s instead of an ever-growing backlog.
 */
export class ModelQueue {
  #active = 0;
  readonly #waiting: Waiter[] = [];
  readonly #options: Required<ModelQueueOptions>;

  constructor(options: ModelQueueOptions) {
    this.#options = { retryAfterSeconds: 1, maxWaitMs: Number.POSITIVE_INFINITY, ...options };
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Waits for a slot; resolves with its release function (call it exactly once). */
  acquire(options: { signal: AbortSignal }): Promise<() => void> {
    const { signal } = options;
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.#options.concurrency) {
      this.#active += 1;
      return Promise.resolve(this.#releaser());
    }
    const { maxQueued, retryAfterSeconds, maxWaitMs } = this.#options;
    if (this.#waiting.length >= maxQueued) return Promise.reject(new QueueFullError(maxQueued, retryAfterSeconds));
    return new Promise((resolve, reject) => {
      const leave = (reason: unknown) => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        signal.removeEventListener("abort", waiter.onAbort);
        clearTimeout(waiter.timer);
        reject(reason);
      };
      const waiter: Waiter = { resolve, reject, signal, onAbort: () => leave(signal.reason) };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      if (Number.isFinite(maxWaitMs)) {
        waiter.timer = setTimeout(() => leave(new QueueFullError(maxQueued, retryAfterSeconds, maxWaitMs)), maxWaitMs);
      }
      this.#waiting.push(waiter);
    });
  }

  /** Runs `job` in a slot. */
  async run<T>(job: () => Promise<T>, options: { signal: AbortSignal }): Promise<T> {
    const release = await this.acquire(options);
    try {
      return await job();
    } finally {
      release();
    }
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (!next) {
        this.#active -= 1;
        return;
      }
      next.signal.removeEventListener("abort", next.onAbort);
      clearTimeout(next.timer);
      next.resolve(this.#releaser());
    };
  }
}
