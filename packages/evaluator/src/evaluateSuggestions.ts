import type { MetricJudge } from "./judge/MetricJudge.js";
import { CRITERIA } from "./rubric/rubric.js";
import { bootstrapMean, type Estimate } from "./stats/bootstrap.js";
import type { ItemScore } from "./tracking/RunStore.js";

/** One prompt and the suggestions a model version gave for it. */
export interface SuggestionItem {
  id: string;
  category: string;
  description: string;
  suggestions: readonly string[];
}

/** Per-item scores plus per-criterion means with CIs. */
export interface SuggestionEvaluation {
  items: ItemScore[];
  overall: Estimate;
  criteria: Record<string, Estimate>;
}

/**
 * Scores every item's list with the metric judge: an item's score is the mean over its
 * suggestions (an empty list scores 0). Means carry bootstrap 95% CIs over items.
 */
export function evaluateSuggestions(options: {
  judge: MetricJudge;
  items: readonly SuggestionItem[];
  seed?: number;
  signal?: AbortSignal;
}): SuggestionEvaluation {
  const { judge, items, seed = 1, signal } = options;
  const scored: ItemScore[] = items.map((item, i) => {
    if (i % 100 === 0) signal?.throwIfAborted();
    const list = judge.scoreList(item.description, item.suggestions);
    const scores: Record<string, number> = {};
    for (const c of CRITERIA) scores[c] = list.length ? list.reduce((s, x) => s + x.scores[c], 0) / list.length : 0;
    const overall = list.length ? list.reduce((s, x) => s + x.overall, 0) / list.length : 0;
    return { itemId: item.id, category: item.category, overall, scores };
  });
  const criteria: Record<string, Estimate> = {};
  for (const c of CRITERIA)
    criteria[c] = bootstrapMean(
      scored.map((s) => s.scores[c] ?? 0),
      { seed },
    );
  return {
    items: scored,
    overall: bootstrapMean(
      scored.map((s) => s.overall),
      { seed },
    ),
    criteria,
  };
}
