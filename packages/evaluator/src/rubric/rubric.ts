/** Every rubric criterion, each scored 0–10. The first four are the reference report's. */
export const CRITERIA = [
  "relevance",
  "creativity",
  "professionalism",
  "format",
  "length",
  "pronounceability",
  "diversity",
  "safety",
] as const;

/** One rubric criterion. */
export type Criterion = (typeof CRITERIA)[number];

/** Scores 0–10 per criterion. */
export type RubricScores = Record<Criterion, number>;

/**
 * Weights of the overall score (sum 1). Relevance weighs most because a name that does
 * not fit the business is useless however pretty; format and safety are also gates (see
 * {@link overallScore}); diversity is a list property and weighs least.
 */
export const CRITERION_WEIGHTS: Readonly<RubricScores> = Object.freeze({
  relevance: 0.3,
  creativity: 0.15,
  professionalism: 0.15,
  format: 0.1,
  length: 0.08,
  pronounceability: 0.1,
  diversity: 0.05,
  safety: 0.07,
});

/**
 * Weighted mean of the criteria, 0–10. A suggestion with format 0 (not a valid domain) or
 * safety 0 (blocked) scores 0 overall: no weighting makes an unusable name good.
 */
export function overallScore(scores: RubricScores, weights: Readonly<RubricScores> = CRITERION_WEIGHTS): number {
  if (scores.format === 0 || scores.safety === 0) return 0;
  let sum = 0;
  let total = 0;
  for (const criterion of CRITERIA) {
    sum += weights[criterion] * scores[criterion];
    total += weights[criterion];
  }
  return sum / total;
}
