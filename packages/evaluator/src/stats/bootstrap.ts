import { InvalidSampleError } from "../errors.js";
import { type Random, seededRandom } from "./random.js";

/** A point estimate with a confidence interval and the sample size it came from. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  n: number;
  /** Confidence level of [low, high], e.g. 0.95. */
  level: number;
}

/** Arithmetic mean; throws {@link InvalidSampleError} on an empty sample. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new InvalidSampleError("mean of an empty sample: expected at least 1 value, got 0.");
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The q-quantile (0–1) of sorted values by linear interpolation. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new InvalidSampleError("quantile of an empty sample.");
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/**
 * Percentile bootstrap CI of any statistic over units (resampled with replacement).
 * Defaults: 2,000 resamples, 95%, seed 1.
 */
export function bootstrap<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: { resamples?: number; level?: number; seed?: number; random?: Random } = {},
): Estimate {
  const { resamples = 2000, level = 0.95, seed = 1 } = options;
  if (units.length === 0)
    throw new InvalidSampleError("bootstrap of an empty sample: expected at least 1 unit, got 0.");
  const random = options.random ?? seededRandom(seed);
  const stats: number[] = [];
  const sample: T[] = new Array(units.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < units.length; i++) sample[i] = units[Math.floor(random() * units.length)] as T;
    stats.push(statistic(sample));
  }
  stats.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return {
    value: statistic(units),
    low: quantile(stats, alpha),
    high: quantile(stats, 1 - alpha),
    n: units.length,
    level,
  };
}

/** Mean with a percentile-bootstrap CI. Defaults as in {@link bootstrap}. */
export function bootstrapMean(
  values: readonly number[],
  options: { resamples?: number; level?: number; seed?: number } = {},
): Estimate {
  return bootstrap(values, mean, options);
}

/** "0.734 [0.712, 0.755] (n=812)". */
export function formatEstimate(estimate: Estimate, digits = 3): string {
  return `${estimate.value.toFixed(digits)} [${estimate.low.toFixed(digits)}, ${estimate.high.toFixed(digits)}] (n=${estimate.n})`;
}
