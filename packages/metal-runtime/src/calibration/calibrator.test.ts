import { describe, expect, it } from "vitest";
import { CalibrationError } from "../errors.js";
import { type CalibrationSample, createCalibrator, fitIsotonic, fitPlatt } from "./calibrator.js";

/** Samples whose true acceptance probability is σ(2·logit(x) − 1): a known, overconfident-in-the-middle map. */
function syntheticSamples(n: number, seed = 7): CalibrationSample[] {
  let s = seed;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    const raw = 0.02 + 0.96 * random();
    const truth = 1 / (1 + Math.exp(-(2 * Math.log(raw / (1 - raw)) - 1)));
    return { rawConfidence: raw, good: random() < truth };
  });
}

describe("calibration", () => {
  const samples = syntheticSamples(4000);

  it("Platt scaling recovers the generating map", () => {
    const spec = fitPlatt(samples);
    expect(spec.kind).toBe("platt");
    if (spec.kind !== "platt") return;
    expect(spec.a).toBeCloseTo(2, 0);
    expect(spec.b).toBeCloseTo(-1, 0);
  });

  it("isotonic regression is monotone and close to the truth", () => {
    const calibrate = createCalibrator(fitIsotonic(samples));
    let previous = -1;
    for (let x = 0; x <= 1; x += 0.01) {
      const y = calibrate(x);
      expect(y).toBeGreaterThanOrEqual(previous);
      previous = y;
    }
    const truth = (x: number) => 1 / (1 + Math.exp(-(2 * Math.log(x / (1 - x)) - 1)));
    for (const x of [0.2, 0.5, 0.8]) expect(Math.abs(calibrate(x) - truth(x))).toBeLessThan(0.08);
  });

  it("calibrated confidence lowers the log-loss against the judged labels", () => {
    const logLoss = (f: (x: number) => number) =>
      samples.reduce(
        (sum, s) => sum - Math.log(Math.max(1e-9, s.good ? f(s.rawConfidence) : 1 - f(s.rawConfidence))),
        0,
      ) / samples.length;
    const identity = createCalibrator();
    const platt = createCalibrator(fitPlatt(samples));
    expect(logLoss(platt)).toBeLessThan(logLoss(identity));
  });

  it("always answers in [0, 1], also for null and junk", () => {
    for (const spec of [fitPlatt(samples), fitIsotonic(samples), { kind: "identity" } as const]) {
      const calibrate = createCalibrator(spec);
      for (const x of [null, Number.NaN, -3, 0, 1, 7, Number.POSITIVE_INFINITY]) {
        const y = calibrate(x);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
      }
    }
  });

  it("round-trips through JSON", () => {
    const spec = fitIsotonic(samples);
    const again = createCalibrator(JSON.parse(JSON.stringify(spec)));
    expect(again(0.42)).toBe(createCalibrator(spec)(0.42));
  });

  it.each([
    [[], /at least 10/],
    [Array.from({ length: 20 }, () => ({ rawConfidence: 0.5, good: true })), /both good and bad/],
    [Array.from({ length: 20 }, (_, i) => ({ rawConfidence: 1.5, good: i % 2 === 0 })), /\[0, 1\]/],
  ])("rejects unusable data", (data, message) => {
    expect(() => fitPlatt(data)).toThrow(CalibrationError);
    expect(() => fitIsotonic(data)).toThrow(message);
  });
});
