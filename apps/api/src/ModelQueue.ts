import { QueueFullError } from "./errors.js";

/** Options for {@link ModelQueue}. */
export interface ModelQueueOptions {
  /** Jobs that run at once. */
  concurrency: number;
  /** Jobs that may wait for a slot; beyond that {@link ModelQueue.acquire} throws {@link QueueFullError}. */
  maxQueued: number;
  /** Seconds a refused client is told to wait. Defaults to 1. */
  retryAfterSeconds?: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
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
    this.#options = { retryAfterSeconds: 1, ...options };
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
    if (this.#waiting.length >= this.#options.maxQueued) {
      return Promise.reject(new QueueFullError(this.#options.maxQueued, this.#options.retryAfterSeconds));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#waiting.indexOf(waiter);
          if (index >= 0) this.#waiting.splice(index, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
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
      next.resolve(this.#releaser());
    };
  }
}
