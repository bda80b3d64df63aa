import { describe, expect, it } from "vitest";
import { learningRateAt } from "./schedule.js";

const options = { learningRate: 1e-3, warmupSteps: 10, totalSteps: 110, minLearningRate: 1e-5 };

describe("learningRateAt", () => {
  it("warms up linearly to the peak, starting above zero", () => {
    expect(learningRateAt(0, options)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(4, options)).toBeCloseTo(5e-4, 12);
    expect(learningRateAt(9, options)).toBeCloseTo(1e-3, 12);
  });

  it("decays by a cosine from the peak to the floor one past the last step, never below it", () => {
    expect(learningRateAt(10, options)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(60, options)).toBeCloseTo((1e-3 + 1e-5) / 2, 12); // half way
    expect(learningRateAt(109, options)).toBeGreaterThan(1e-5);
    expect(learningRateAt(110, options)).toBeCloseTo(1e-5, 12);
    expect(learningRateAt(500, options)).toBeCloseTo(1e-5, 12);
    const rates = Array.from({ length: 101 }, (_, i) => learningRateAt(10 + i, options));
    expect(rates.every((r, i) => i === 0 || r <= (rates[i - 1] as number))).toBe(true);
  });

  it("decays linearly, or stays constant", () => {
    expect(learningRateAt(60, { ...options, decay: "linear", minLearningRate: 0 })).toBeCloseTo(5e-4, 12);
    expect(learningRateAt(80, { ...options, decay: "constant" })).toBe(1e-3);
    expect(learningRateAt(0, { learningRate: 0.5, totalSteps: 1 })).toBe(0.5);
  });
});
