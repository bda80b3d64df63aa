/** An unbounded-by-design (producers are bounded by `count`) push/pull queue bridging callbacks to `for await`. */
export class AsyncQueue<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #failed: ((error: unknown) => void) | undefined;
  #error: unknown;
  #done = false;
  readonly #onStop: () => void;

  /** @param onStop Called once when the consumer stops iterating before the producer ended (break, `return()`, throw). */
  constructor(onStop: () => void = () => {}) {
    this.#onStop = onStop;
  }

  push(item: T): void {
    if (this.#done) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting({ value: item, done: false });
    } else {
      this.#items.push(item);
    }
  }

  end(error?: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    if (error !== undefined) this.#failed?.(error);
    else this.#waiting?.({ value: undefined, done: true });
    this.#waiting = undefined;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    try {
      yield* this.#drain();
    } finally {
      if (!this.#done) {
        this.#done = true;
        this.#items.length = 0;
        this.#onStop();
      }
    }
  }

  async *#drain(): AsyncGenerator<T> {
    for (;;) {
      if (this.#items.length) {
        yield this.#items.shift() as T;
        continue;
      }
      if (this.#done) {
        if (this.#error !== undefined) throw this.#error;
        return;
      }
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        this.#waiting = resolve;
        this.#failed = reject;
      });
      if (next.done) return;
      yield next.value;
    }
  }
}
