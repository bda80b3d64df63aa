import { BusyError, DisposedError } from "./errors.js";

interface Waiter<T> {
  resolve: (slot: T) => void;
  reject: (error: unknown) => void;
}

/**
 * A fixed set of slots (context sequences) with a bounded FIFO wait queue. When every slot is taken
 * and `maxQueue` callers already wait, `acquire` fails at once with `BusyError`: memory never grows
 * with load.
 */
export class SlotPool<T> {
  readonly #free: T[];
  readonly #waiters: Waiter<T>[] = [];
  #disposed = false;

  constructor(
    slots: readonly T[],
    readonly maxQueue: number,
  ) {
    this.#free = [...slots];
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.#waiters.length;
  }

  /** Takes a free slot, or waits for one; `signal` removes the caller from the queue. */
  acquire(signal?: AbortSignal): Promise<T> {
    if (this.#disposed) return Promise.reject(new DisposedError("Slot pool"));
    signal?.throwIfAborted();
    const slot = this.#free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    if (this.#waiters.length >= this.maxQueue)
      return Promise.reject(new BusyError(this.#waiters.length, this.maxQueue));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter<T> = {
        resolve: (s) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(s);
        },
        reject: (e) => {
          signal?.removeEventListener("abort", onAbort);
          reject(e);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  /** Returns a slot: the longest waiter gets it first. */
  release(slot: T): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve(slot);
    else this.#free.push(slot);
  }

  /** Rejects every waiter with `DisposedError`; later `acquire` calls fail the same way. */
  dispose(): void {
    this.#disposed = true;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new DisposedError("Slot pool"));
  }
}
