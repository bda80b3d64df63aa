import { CalibrationError } from "../errors.js";

/** A calibration map from raw model confidence to the probability that a judge accepts the domain. JSON-safe. */
export type CalibratorSpec =
  | { kind: "identity" }
  | { kind: "platt"; a: number; b: number }
  | { kind: "isotonic"; thresholds: number[]; values: number[] };

/** One validation example: the raw confidence and whether the evaluator judged the domain good. */
export interface CalibrationSample {
  rawConfidence: number;
  good: boolean;
}

/** Turns a raw confidence (or `null`, when a backend gave no probabilities) into a calibrated one in [0, 1]. */
export type Calibrate = (rawConfidence: number | null) => number;

/**
 * Builds the function a {@link CalibratorSpec} describes. `null` maps to the calibrated value of 0.5
 * (no evidence either way); every output is clamped to [0, 1].
 */
export function createCalibrator(spec: CalibratorSpec = { kind: "identity" }): Calibrate {
  const map = mapFor(spec);
  return (raw) => clamp01(map(raw === null || !Number.isFinite(raw) ? 0.5 : clamp01(raw)));
}

function mapFor(spec: CalibratorSpec): (x: number) => number {
  switch (spec.kind) {
    case "identity":
      return (x) => x;
    case "platt":
      return (x) => 1 / (1 + Math.exp(-(spec.a * logit(x) + spec.b)));
    case "isotonic":
      return (x) => interpolate(spec.thresholds, spec.values, x);
  }
}

/**
 * Platt scaling on the logit of the raw confidence: p = σ(a·logit(x) + b), fitted by Newton's method
 * on the log-loss with Platt's smoothed targets (so a perfectly separated set does not diverge).
 */
export function fitPlatt(samples: readonly CalibrationSample[]): CalibratorSpec {
  const { xs, ys, positives } = checkSamples(samples);
  const negatives = ys.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const targets = ys.map((y) => (y ? hi : lo));
  const zs = xs.map(logit);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0,
      gb = 0,
      haa = 1e-9,
      hab = 0,
      hbb = 1e-9;
    for (let i = 0; i < zs.length; i++) {
      const z = zs[i] as number;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - (targets[i] as number);
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { kind: "platt", a, b };
}

/** Isotonic regression (pool adjacent violators): a monotone step map, interpolated linearly between block centres. */
export function fitIsotonic(samples: readonly CalibrationSample[]): CalibratorSpec {
  const { xs, ys } = checkSamples(samples);
  const order = xs.map((_, i) => i).sort((i, j) => (xs[i] as number) - (xs[j] as number));
  const blocks: { sumX: number; sumY: number; n: number }[] = [];
  for (const i of order) {
    blocks.push({ sumX: xs[i] as number, sumY: ys[i] ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const previous = blocks[blocks.length - 2]!;
      if (previous.sumY / previous.n < last.sumY / last.n) break;
      previous.sumX += last.sumX;
      previous.sumY += last.sumY;
      previous.n += last.n;
      blocks.pop();
    }
  }
  return {
    kind: "isotonic",
    thresholds: blocks.map((block) => block.sumX / block.n),
    values: blocks.map((block) => block.sumY / block.n),
  };
}

function checkSamples(samples: readonly CalibrationSample[]) {
  if (samples.length < 10) {
    throw new CalibrationError(`calibration needs at least 10 samples, got ${samples.length}`);
  }
  const xs = samples.map((s) => s.rawConfidence);
  const bad = xs.find((x) => !(x >= 0 && x <= 1));
  if (bad !== undefined) throw new CalibrationError(`rawConfidence must be in [0, 1], got ${bad}`);
  const ys = samples.map((s) => s.good);
  const positives = ys.filter(Boolean).length;
  if (positives === 0 || positives === ys.length) {
    throw new CalibrationError(`calibration needs both good and bad examples, got ${positives} good of ${ys.length}`);
  }
  return { xs, ys, positives };
}

function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  if (xs.length === 0) return x;
  if (x <= (xs[0] as number)) return ys[0] as number;
  for (let i = 1; i < xs.length; i++) {
    const x1 = xs[i] as number;
    if (x <= x1) {
      const x0 = xs[i - 1] as number;
      const y0 = ys[i - 1] as number;
      return x1 === x0 ? (ys[i] as number) : y0 + ((x - x0) / (x1 - x0)) * ((ys[i] as number) - y0);
    }
  }
  return ys[ys.length - 1] as number;
}

function logit(x: number): number {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, x));
  return Math.log(p / (1 - p));
}

function clamp01(x: number): number {
  return Number.isNaN(x) ? 0.5 : Math.min(1, Math.max(0, x));
}
