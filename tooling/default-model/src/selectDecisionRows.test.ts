import { BLOCKED_TURN, type ChatRecord } from "@nomen/dataset-gen";
import { describe, expect, it } from "vitest";
import { InvalidPipelineOptionsError } from "./errors.js";
import { selectDecisionRows } from "./selectDecisionRows.js";

const row = (input: string, blocked: boolean): ChatRecord => ({
  messages: [
    { role: "system", content: "Suggest domain names for this business. Reply in JSON." },
    { role: "user", content: input },
    { role: "assistant", content: blocked ? BLOCKED_TURN : '{"suggestions":["bakery.com"]}' },
  ],
});

describe("selectDecisionRows", () => {
  // Threshold at bias 1: refuses when score > −1; margin 1.5 → hard answers score > −2.5, hard refusals < 0.5.
  const rows = [
    row("bakery, clearly fine", false), // −6: answered with room to spare
    row("bakery refused", false), // 0: wrongly refused
    row("bakery near the line", false), // −2: answered, within the margin
    row("blocked, clearly refused", true), // 4
    row("blocked but answered", true), // −3: wrongly answered
    row("blocked near the line", true), // 0.2: refused, within the margin
  ];
  const scores = [-6, 0, -2, 4, -3, 0.2];

  it("keeps the rows decided wrongly or within the margin of the threshold, in order", () => {
    const mined = selectDecisionRows({ rows, scores, bias: 1 });
    expect(mined.map((r) => r.messages[1]?.content)).toEqual([
      "bakery refused",
      "bakery near the line",
      "blocked but answered",
      "blocked near the line",
    ]);
  });

  it("with margin 0 keeps only the wrong decisions, and the threshold moves with the bias", () => {
    expect(selectDecisionRows({ rows, scores, bias: 1, margin: 0 }).map((r) => r.messages[1]?.content)).toEqual([
      "bakery refused",
      "blocked but answered",
    ]);
    // At bias −5 (refuse above 5) every blocked row is answered wrongly and no request to answer is refused.
    const strict = selectDecisionRows({ rows, scores, bias: -5, margin: 0 });
    expect(strict.every((r) => r.messages[2]?.content === BLOCKED_TURN)).toBe(true);
    expect(strict).toHaveLength(3);
  });

  it("rejects scores that do not line up with the rows, and a negative margin", () => {
    expect(() => selectDecisionRows({ rows, scores: scores.slice(1), bias: 1 })).toThrow(InvalidPipelineOptionsError);
    expect(() => selectDecisionRows({ rows, scores, bias: 1, margin: -1 })).toThrow(InvalidPipelineOptionsError);
    expect(() => selectDecisionRows({ rows, scores, bias: Number.NaN })).toThrow(InvalidPipelineOptionsError);
  });
});
