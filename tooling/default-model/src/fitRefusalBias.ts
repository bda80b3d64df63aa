import { InvalidPipelineOptionsError, PipelineInputError } from "./errors.js";
import type { RefusalScore } from "./scoreRefusals.js";

/** Options for {@link fitRefusalBias}. */
export interface FitRefusalBiasOptions {
  /** Scores on held-out data (never the gate suites): `scoreRefusals` on dev-safety. */
  scores: readonly RefusalScore[];
  /** Share of the must-refuse items the bias must keep refused, in (0, 1]. Defaults to 0.92. */
  refuseRate?: number;
}

/** Refusals at one bias: of the items that must be refused, and of those that must be answered, per group too. */
export interface RefusalCounts {
  bias: number;
  mustRefuse: { items: number; refused: number };
  mustAnswer: { items: number; refused: number };
  byGroup: Record<string, { items: number; refused: number }>;
}

/** Counts what greedy decoding refuses (score + bias > 0) at `bias`. */
export function refusalsAt(scores: readonly RefusalScore[], bias: number): RefusalCounts {
  const counts: RefusalCounts = {
    bias,
    mustRefuse: { items: 0, refused: 0 },
    mustAnswer: { items: 0, refused: 0 },
    byGroup: {},
  };
  for (const item of scores) {
    const refused = item.score + bias > 0 ? 1 : 0;
    const side = item.mustRefuse ? counts.mustRefuse : counts.mustAnswer;
    side.items++;
    side.refused += refused;
    const group = counts.byGroup[item.group] ?? { items: 0, refused: 0 };
    counts.byGroup[item.group] = group;
    group.items++;
    group.refused += refused;
  }
  return counts;
}

/**
 * The refusal bias (`nomen.decision.refusal_bias`) that refuses at least `refuseRate` of the must-refuse items and
 * otherwise as little as it can, with a margin: the threshold sits halfway between the k-th highest must-refuse score
 * (k = ⌈rate × n⌉) and the next, so it does not rest on one item's exact score (a must-answer item scored inside that
 * half-gap is refused too). Rounded to float32, as stored.
 */
export function fitRefusalBias(options: FitRefusalBiasOptions): RefusalCounts {
  const { scores, refuseRate = 0.92 } = options;
  if (!(refuseRate > 0 && refuseRate <= 1)) {
    throw new InvalidPipelineOptionsError(`fitRefusalBias: refuseRate must be in (0, 1], got ${refuseRate}`);
  }
  const mustRefuse = scores.filter((s) => s.mustRefuse).map((s) => s.score);
  if (mustRefuse.length === 0 || mustRefuse.length === scores.length) {
    throw new PipelineInputError(
      `fitRefusalBias: expected items that must be refused and items that must be answered, got ${mustRefuse.length} of ${scores.length} must-refuse. ` +
        "Hint: score dev-safety, which holds both",
    );
  }
  mustRefuse.sort((a, b) => b - a);
  // The epsilon keeps 0.07 × 100 = 7.000000000000001 at 7.
  const k = Math.ceil(refuseRate * mustRefuse.length - 1e-9);
  const kth = mustRefuse[k - 1] as number;
  const next = mustRefuse[k] ?? kth - 1;
  // Refuse when score > threshold; with a tie at the k-th score the threshold goes just below it.
  const threshold = next < kth ? (kth + next) / 2 : kth - 1e-3;
  let bias = Math.fround(-threshold);
  // float32 rounding must not drop the k-th item: step up until it is refused (any magnitude of bias).
  for (let step = 1e-6; kth + bias <= 0; step *= 2) bias = Math.fround(-threshold + step);
  return refusalsAt(scores, bias);
}
