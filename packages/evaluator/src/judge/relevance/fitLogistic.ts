import { sigmoid } from "./hashing.js";

/** Ridge penalty of the combiner: keeps weights of redundant (collinear) features from flipping sign. */
const L2 = 0.02;

/** Weighted logistic regression by full-batch gradient descent on standardized features. */
export function fitLogistic(
  rows: number[][],
  labels: number[],
  negatives: number,
): { weights: number[]; bias: number } {
  const dims = rows[0]?.length ?? 0;
  const mean = new Array(dims).fill(0);
  const std = new Array(dims).fill(0);
  for (const row of rows) for (let j = 0; j < dims; j++) mean[j] += (row[j] as number) / rows.length;
  for (const row of rows) for (let j = 0; j < dims; j++) std[j] += ((row[j] as number) - mean[j]) ** 2 / rows.length;
  for (let j = 0; j < dims; j++) std[j] = Math.sqrt(std[j]) || 1;
  const w = new Array(dims).fill(0);
  let b = 0;
  for (let iteration = 0; iteration < 300; iteration++) {
    const gw = new Array(dims).fill(0);
    let gb = 0;
    let totalWeight = 0;
    for (const [n, row] of rows.entries()) {
      const y = labels[n] as number;
      const sampleWeight = y ? negatives : 1;
      let z = b;
      for (let j = 0; j < dims; j++) z += w[j] * (((row[j] as number) - mean[j]) / std[j]);
      const g = (sigmoid(z) - y) * sampleWeight;
      for (let j = 0; j < dims; j++) gw[j] += g * (((row[j] as number) - mean[j]) / std[j]);
      gb += g;
      totalWeight += sampleWeight;
    }
    for (let j = 0; j < dims; j++) w[j] -= 0.5 * (gw[j] / totalWeight + L2 * w[j]);
    b -= (0.5 * gb) / totalWeight;
  }
  // Fold the standardization into the weights so scoring needs no extra state.
  const weights = w.map((value, j) => value / std[j]);
  const bias = b - w.reduce((sum, value, j) => sum + (value * mean[j]) / std[j], 0);
  return { weights, bias };
}

/** Mean and standard deviation of every column. */
export function standardization(rows: readonly number[][]): { center: number[]; scale: number[] } {
  const dims = rows[0]?.length ?? 0;
  const center = new Array<number>(dims).fill(0);
  const scale = new Array<number>(dims).fill(0);
  for (const row of rows)
    for (let j = 0; j < dims; j++) center[j] = (center[j] as number) + (row[j] as number) / rows.length;
  for (const row of rows)
    for (let j = 0; j < dims; j++)
      scale[j] = (scale[j] as number) + ((row[j] as number) - (center[j] as number)) ** 2 / rows.length;
  return { center, scale: scale.map((v) => Math.sqrt(v) || 1) };
}

/** The row followed by tanh of its standardized values. */
export function withSquashed(
  row: readonly number[],
  squash: { center: readonly number[]; scale: readonly number[] },
): number[] {
  return [...row, ...row.map((v, j) => Math.tanh((v - (squash.center[j] as number)) / (squash.scale[j] as number)))];
}

/**
 * Conditional logit (softmax over each group's candidates, the first one real): the
 * combiner fitted on the validation task itself — rank the real domain above the shuffled
 * ones for the same description — so description-only effects cancel out of the fit.
 * Full-batch gradient descent on standardized features, ridge-penalized.
 */
export function fitRanking(groups: readonly (readonly number[][])[]): { weights: number[]; bias: number } {
  const rows = groups.flat();
  const { center: mean, scale: std } = standardization(rows);
  const dims = mean.length;
  const standardized = groups.map((group) =>
    group.map((row) => row.map((v, j) => (v - (mean[j] as number)) / (std[j] as number))),
  );
  const w = new Array<number>(dims).fill(0);
  const velocity = new Array<number>(dims).fill(0);
  for (let iteration = 0; iteration < 400; iteration++) {
    const gw = new Array<number>(dims).fill(0);
    for (const group of standardized) {
      const z = group.map((row) => row.reduce((sum, v, j) => sum + (w[j] as number) * v, 0));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      for (const [k, row] of group.entries()) {
        const g = (e[k] as number) / total - (k === 0 ? 1 : 0);
        for (let j = 0; j < dims; j++) gw[j] = (gw[j] as number) + g * (row[j] as number);
      }
    }
    for (let j = 0; j < dims; j++) {
      velocity[j] = 0.9 * (velocity[j] as number) + (gw[j] as number) / standardized.length + L2 * (w[j] as number);
      w[j] = (w[j] as number) - 0.3 * (velocity[j] as number);
    }
  }
  const weights = w.map((value, j) => value / (std[j] as number));
  const bias = -w.reduce((sum, value, j) => sum + (value * (mean[j] as number)) / (std[j] as number), 0);
  return { weights, bias };
}
