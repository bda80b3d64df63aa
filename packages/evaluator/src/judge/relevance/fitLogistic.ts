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
