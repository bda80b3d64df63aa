import { describe, expect, it } from "vitest";
import { formatLossCurve, type LossLine, lossCurve } from "./lossCurve.js";

const line = (step: number, loss: number, validationLoss?: number): LossLine => ({
  step,
  totalSteps: 5,
  loss,
  tokensSeen: step * 1000,
  tokensPerSecond: 500,
  time: `2026-11-28T15:0${step}:00.000Z`,
  ...(validationLoss === undefined ? {} : { validationLoss }),
});

describe("lossCurve", () => {
  it("keeps the later line of a repeated step and averages each window", () => {
    const lines = [line(1, 5), line(2, 4, 4.5), line(3, 9), line(2, 3, 3.5), line(3, 2), line(4, 1, 1.5), line(5, 1)];
    const rows = lossCurve(lines, { every: 2 });
    expect(rows.map((r) => [r.step, r.meanLoss, r.validationLoss])).toEqual([
      [2, 4, 3.5],
      [4, 1.5, 1.5],
      [5, 1, null],
    ]);
    expect(formatLossCurve(rows).split("\n")[2]).toBe("| 2 | 0.00M | 4.000 | 3.500 | 2026-11-28 15:02 |");
  });
});
