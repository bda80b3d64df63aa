import { InvalidSampleError } from "../errors.js";
import { bootstrap, type Estimate, mean } from "./bootstrap.js";
import { type WilcoxonResult, wilcoxonSignedRank } from "./wilcoxon.js";

/** Model A vs B on the same items. */
export interface PairedComparison {
  meanA: Estimate;
  meanB: Estimate;
  /** Mean of b − a with a paired-bootstrap CI. */
  delta: Estimate;
  wilcoxon: WilcoxonResult;
  /** "B better", "A better" or "no significant difference" (CI excludes 0 and p < alpha). */
  verdict: "B better" | "A better" | "no significant difference";
}

/**
 * Paired bootstrap (items resampled, both models together) and Wilcoxon signed-rank for
 * per-item scores of two models. Defaults: 2,000 resamples, alpha 0.05, seed 1.
 */
export function comparePaired(
  a: readonly number[],
  b: readonly number[],
  options: { resamples?: number; alpha?: number; seed?: number } = {},
): PairedComparison {
  const { resamples = 2000, alpha = 0.05, seed = 1 } = options;
  if (a.length !== b.length || a.length === 0) {
    throw new InvalidSampleError(
      `Paired comparison needs per-item scores for the same items: got ${a.length} and ${b.length}.`,
    );
  }
  const items = a.map((x, i) => [x, b[i] as number] as const);
  const level = 1 - alpha;
  const meanA = bootstrap(items, (s) => mean(s.map((p) => p[0])), { resamples, level, seed });
  const meanB = bootstrap(items, (s) => mean(s.map((p) => p[1])), { resamples, level, seed });
  const delta = bootstrap(items, (s) => mean(s.map((p) => p[1] - p[0])), { resamples, level, seed });
  const wilcoxon = wilcoxonSignedRank(a, b);
  const significant = wilcoxon.p < alpha && (delta.low > 0 || delta.high < 0);
  const verdict = !significant ? "no significant difference" : delta.value > 0 ? "B better" : "A better";
  return { meanA, meanB, delta, wilcoxon, verdict };
}
