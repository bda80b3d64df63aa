import type { ProgressState } from "./ProgressView.js";

/** Holds a job's {@link ProgressState} for the Ink view (`useSyncExternalStore`) and the plain-text printer. */
export class ProgressStore {
  #state: ProgressState;
  readonly #listeners = new Set<() => void>();

  constructor(title: string) {
    this.#state = { title, phase: "starting", done: 0, total: 0, lines: [] };
  }

  get state(): ProgressState {
    return this.#state;
  }

  update(change: Partial<ProgressState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): ProgressState => this.#state;
}
