import { InvalidSampleError } from "../errors.js";
import { cohenKappa, scoreBand, spearman } from "../stats/agreement.js";
import type { LlmVerdict } from "./LlmJudge.js";
import type { SuggestionScore } from "./MetricJudge.js";

/** Agreement of the metric and LLM judges on one criterion. */
export interface CriterionAgreement {
  criterion: "relevance" | "creativity" | "professionalism" | "format";
  spearman: number;
  /** Cohen's kappa on low (<4) / mid (4–7) / high (≥7) bands. */
  kappa: number;
  n: number;
}

/** Spearman and Cohen's kappa between the two judges, per shared criterion, on the same suggestions. */
export function judgeAgreement(metric: readonly SuggestionScore[], llm: readonly LlmVerdict[]): CriterionAgreement[] {
  if (metric.length !== llm.length || metric.length < 2) {
    throw new InvalidSampleError(
      `Judge agreement needs the same 2+ suggestions from both judges: got ${metric.length} and ${llm.length}.`,
    );
  }
  return (["relevance", "creativity", "professionalism", "format"] as const).map((criterion) => {
    const a = metric.map((s) => s.scores[criterion]);
    const b = llm.map((v) => v[criterion]);
    return { criterion, spearman: spearman(a, b), kappa: cohenKappa(a.map(scoreBand), b.map(scoreBand)), n: a.length };
  });
}
