import type { TrainingProgress } from "@nomen/lora-trainer";

/** What `nomen train lora` shows: the phase, the latest step, every loss so far, and how it ended. */
export interface TrainState {
  title: string;
  phase: string;
  /** Latest step's numbers, once training started. */
  progress?: TrainingProgress;
  /** Training loss per step (the sparkline). */
  losses: number[];
  /** Latest validation loss and its step. */
  validation?: { step: number; loss: number };
  /** Newest checkpoint written. */
  checkpoint?: { path: string; step: number };
  /** Informational lines (backend, trainable parameters, data). */
  notes: string[];
  finished?: { ok: boolean; message: string };
}

/** Holds a {@link TrainState} for the Ink view (`useSyncExternalStore`) and the plain-text printer. */
export class TrainStore {
  #state: TrainState;
  readonly #listeners = new Set<() => void>();

  constructor(title: string) {
    this.#state = { title, phase: "starting", losses: [], notes: [] };
  }

  get state(): TrainState {
    return this.#state;
  }

  update(change: Partial<TrainState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }

  /** Records one optimizer step. */
  step(progress: TrainingProgress): void {
    this.update({
      phase: "train",
      progress,
      losses: [...this.#state.losses, progress.loss],
      ...(progress.validationLoss === undefined
        ? {}
        : { validation: { step: progress.step, loss: progress.validationLoss } }),
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): TrainState => this.#state;
}
