import { BLOCKED_TURN, type ChatRecord } from "@nomen/dataset-gen";
import { InvalidPipelineOptionsError } from "./errors.js";

/** Options for {@link selectDecisionRows}. */
export interface SelectDecisionRowsOptions {
  /** Candidate rows (a dataset built with another seed); a row answered with `BLOCKED_TURN` must be refused. */
  rows: readonly ChatRecord[];
  /** The adapter's refusal log-odds for each row's prompt, in row order (`scoreRefusals`). */
  scores: readonly number[];
  /** The adapter's fitted threshold (`nomen.decision.refusal_bias`): it refuses when score + bias > 0. */
  bias: number;
  /** How far on the right side of the threshold a row still counts as hard, in log-odds. Defaults to 1.5. */
  margin?: number;
}

/**
 * Hard-example mining for the refuse-or-answer decision: the rows an adapter gets wrong or nearly wrong at its fitted
 * threshold — requests to answer that score above −bias − margin, requests to refuse below −bias + margin. Trained
 * on beside the dataset they came from, they put the examples where the decision is made (lora-v27: dev-safety
 * must-answer refusals at 92% of dev blocked refused, 26 → 22 of 447).
 */
export function selectDecisionRows(options: SelectDecisionRowsOptions): ChatRecord[] {
  const { rows, scores, bias, margin = 1.5 } = options;
  if (rows.length !== scores.length) {
    throw new InvalidPipelineOptionsError(
      `selectDecisionRows: expected one score per row, got ${scores.length} scores for ${rows.length} rows`,
    );
  }
  if (!Number.isFinite(bias) || !(margin >= 0)) {
    throw new InvalidPipelineOptionsError(
      `selectDecisionRows: bias must be finite and margin ≥ 0, got bias ${bias}, margin ${margin}`,
    );
  }
  const threshold = -bias;
  return rows.filter((row, i) => {
    const score = scores[i] as number;
    const mustRefuse = row.messages[2]?.content === BLOCKED_TURN;
    return mustRefuse ? score < threshold + margin : score > threshold - margin;
  });
}
