import { InvalidSampleError } from "../errors.js";
import { ranks } from "./wilcoxon.js";

/** Spearman rank correlation (Pearson on average ranks; ties handled). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length < 2) {
    throw new InvalidSampleError(`Spearman needs two paired samples of 2+ values: got ${a.length} and ${b.length}.`);
  }
  return pearson(ranks(a), ranks(b));
}

/** Pearson correlation; NaN when a sample is constant. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Cohen's kappa between two raters' category labels (e.g. scores binned into low/mid/high). */
export function cohenKappa(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length || a.length === 0)
    throw new InvalidSampleError(`Cohen's kappa needs paired non-empty labels: got ${a.length} and ${b.length}.`);
  const n = a.length;
  let observed = 0;
  const countA = new Map<string | number, number>();
  const countB = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) observed++;
    countA.set(a[i] as string | number, (countA.get(a[i] as string | number) ?? 0) + 1);
    countB.set(b[i] as string | number, (countB.get(b[i] as string | number) ?? 0) + 1);
  }
  let expected = 0;
  for (const [label, count] of countA) expected += (count / n) * ((countB.get(label) ?? 0) / n);
  return expected === 1 ? 1 : (observed / n - expected) / (1 - expected);
}

/** Bins a 0–10 score into "low" (<4), "mid" (4–7) and "high" (≥7) for kappa. */
export function scoreBand(score: number): "low" | "mid" | "high" {
  return score < 4 ? "low" : score < 7 ? "mid" : "high";
}
