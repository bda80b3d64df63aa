import { type Clock, realClock } from "./clock.js";

/**
 * Per-registry politeness: at most `maxConcurrent` requests in flight, and a shared "not before"
 * time set by `Retry-After` so that every caller waits out a registry's back-off, not only the one
 * that was told.
 */
export class RegistryGate {
  readonly #maxConcurrent: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  #notBefore = 0;
  readonly #clock: Clock;

  constructor(maxConcurrent: number, clock: Clock = realClock) {
    this.#maxConcurrent = maxConcurrent;
    this.#clock = clock;
  }

  /** Milliseconds until the registry may be asked again (0 when it may be asked now). */
  get backoffMs(): number {
    return Math.max(0, this.#notBefore - this.#clock.now());
  }

  /** Records a back-off: nobody asks this registry for `ms` milliseconds. */
  backOff(ms: number): void {
    this.#notBefore = Math.max(this.#notBefore, this.#clock.now() + ms);
  }

  /** Runs `task` once a slot is free. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  /** Waits out the current back-off (if any). */
  async waitBackoff(signal?: AbortSignal): Promise<void> {
    for (let wait = this.backoffMs; wait > 0; wait = this.backoffMs) await this.#clock.sleep(wait, signal);
  }

  async #acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.#active < this.#maxConcurrent) {
      this.#active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiting.push(grant);
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}
