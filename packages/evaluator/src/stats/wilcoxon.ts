import { InvalidSampleError } from "../errors.js";

/** Result of a Wilcoxon signed-rank test on paired differences. */
export interface WilcoxonResult {
  /** Sum of ranks of positive differences. */
  wPlus: number;
  /** Normal-approximation z (tie- and continuity-corrected). */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** Pairs with a non-zero difference (zeros are dropped). */
  n: number;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Average ranks (1-based) with ties sharing their mean rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    )
      j++;
    for (let k = i; k <= j; k++) result[(order[k] as readonly [number, number])[1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

/** Wilcoxon signed-rank test of `b − a` (paired), normal approximation. */
export function wilcoxonSignedRank(a: readonly number[], b: readonly number[]): WilcoxonResult {
  if (a.length !== b.length)
    throw new InvalidSampleError(
      `Wilcoxon needs paired samples: expected equal lengths, got ${a.length} and ${b.length}.`,
    );
  const diffs = a.map((x, i) => (b[i] as number) - x).filter((d) => d !== 0);
  const n = diffs.length;
  if (n === 0) return { wPlus: 0, z: 0, p: 1, n: 0 };
  const r = ranks(diffs.map(Math.abs));
  let wPlus = 0;
  for (let i = 0; i < n; i++) if ((diffs[i] as number) > 0) wPlus += r[i] as number;
  const expected = (n * (n + 1)) / 4;
  const tieCounts = new Map<number, number>();
  for (const rank of r) tieCounts.set(rank, (tieCounts.get(rank) ?? 0) + 1);
  let tieCorrection = 0;
  for (const t of tieCounts.values()) tieCorrection += t ** 3 - t;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection / 48;
  const deviation = wPlus - expected;
  const z = variance > 0 ? (deviation - Math.sign(deviation) * 0.5) / Math.sqrt(variance) : 0;
  return { wPlus, z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))), n };
}
