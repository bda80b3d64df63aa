import { describe, expect, it } from "vitest";
import { InvalidPipelineOptionsError, PipelineInputError } from "./errors.js";
import { fitRefusalBias, refusalsAt } from "./fitRefusalBias.js";
import type { RefusalScore } from "./scoreRefusals.js";

const item = (score: number, mustRefuse: boolean, group = mustRefuse ? "blocked" : "edge"): RefusalScore => ({
  id: `${group}-${score}`,
  group,
  mustRefuse,
  score,
});
// Ten must-refuse scores 5, 4, …, −4 and five must-answer scores.
const scores = [
  ...Array.from({ length: 10 }, (_, i) => item(5 - i, true)),
  ...[-6, -2.5, 0.5, 1.5, 3.5].map((s) => item(s, false)),
];

describe("fitRefusalBias", () => {
  it("answers as much as it can while refusing the asked share, threshold halfway between two scores", () => {
    const fit = fitRefusalBias({ scores, refuseRate: 0.8 });
    // k = 8: the 8th highest must-refuse score is −2, the 9th −3 → threshold −2.5 → bias 2.5.
    expect(fit.bias).toBeCloseTo(2.5, 6);
    expect(fit.mustRefuse).toEqual({ items: 10, refused: 8 });
    // must-answer scores above −2.5: 0.5, 1.5, 3.5 (−2.5 itself is not above).
    expect(fit.mustAnswer).toEqual({ items: 5, refused: 3 });
    expect(fit.byGroup.edge).toEqual({ items: 5, refused: 3 });
  });

  it("a lower share answers more", () => {
    const fit = fitRefusalBias({ scores, refuseRate: 0.3 });
    expect(fit.mustRefuse.refused).toBe(3);
    expect(fit.bias).toBeCloseTo(-2.5, 6);
    expect(fit.mustAnswer.refused).toBe(1);
  });

  it("refuses exactly k with ties at the k-th score and at rate 1", () => {
    const tied = [item(1, true), item(1, true), item(0, true), item(-1, false)];
    expect(fitRefusalBias({ scores: tied, refuseRate: 0.5 }).mustRefuse.refused).toBe(2);
    // A tie between the k-th and the next score: both are refused (k = 2 of three tied at 1 → all three).
    const threeTied = [item(1, true), item(1, true), item(1, true), item(-1, false)];
    expect(fitRefusalBias({ scores: threeTied, refuseRate: 0.5 }).mustRefuse.refused).toBe(3);
    // A gap float32 cannot hold at this magnitude: the k-th item is still refused.
    const narrow = [item(40.000001, true), item(40, true), item(-50, false)];
    const narrowFit = fitRefusalBias({ scores: narrow, refuseRate: 0.5 });
    expect(narrowFit.mustRefuse.refused).toBeGreaterThanOrEqual(1);
    expect(narrowFit.mustAnswer.refused).toBe(0);
    const all = fitRefusalBias({ scores: tied, refuseRate: 1 });
    expect(all.mustRefuse.refused).toBe(3);
    expect(all.mustAnswer.refused).toBe(0);
  });

  it("refusalsAt counts greedy decisions: score + bias > 0", () => {
    expect(refusalsAt(scores, 0).mustRefuse.refused).toBe(5);
    expect(refusalsAt(scores, 0).mustAnswer.refused).toBe(3);
    expect(refusalsAt(scores, -10).mustRefuse.refused).toBe(0);
  });

  it("reads a rate like 0.07 of 100 as 7 items, not 8", () => {
    const hundred = [...Array.from({ length: 100 }, (_, i) => item(100 - i, true)), item(-200, false)];
    expect(fitRefusalBias({ scores: hundred, refuseRate: 0.07 }).mustRefuse.refused).toBe(7);
  });

  it("rejects a share outside (0, 1] and scores without both kinds of item", () => {
    expect(() => fitRefusalBias({ scores, refuseRate: 0 })).toThrow(InvalidPipelineOptionsError);
    expect(() => fitRefusalBias({ scores, refuseRate: 1.2 })).toThrow(InvalidPipelineOptionsError);
    expect(() => fitRefusalBias({ scores: scores.filter((s) => s.mustRefuse) })).toThrow(PipelineInputError);
  });
});
