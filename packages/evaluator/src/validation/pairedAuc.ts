import { bootstrap, type Estimate } from "../stats/bootstrap.js";

/** One description's real-domain score and the scores of its shuffled (wrong) domains. */
export interface PairedScores {
  real: number;
  shuffled: number[];
}

/** P(real > shuffled) + ½·P(tie) over every (row, shuffled) pair. */
export function pairedAuc(rows: readonly PairedScores[]): number {
  let wins = 0;
  let pairs = 0;
  for (const { real, shuffled } of rows) {
    for (const other of shuffled) {
      wins += real > other ? 1 : real === other ? 0.5 : 0;
      pairs++;
    }
  }
  return pairs ? wins / pairs : Number.NaN;
}

/** Paired AUC with a bootstrap CI over rows (descriptions). */
export function pairedAucEstimate(rows: readonly PairedScores[], seed = 1): Estimate {
  return bootstrap(rows, pairedAuc, { seed, resamples: 1000 });
}
