import type { MetricJudge } from "./judge/MetricJudge.js";
import { CRITERIA } from "./rubric/rubric.js";
import { bootstrapMean, type Estimate } from "./stats/bootstrap.js";
import { type Progress, runSteps, runStepsAsync, type Steps } from "./steps.js";
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

/** Options of {@link evaluateSuggestions}. */
export interface EvaluateSuggestionsOptions {
  judge: MetricJudge;
  items: readonly SuggestionItem[];
  /** Bootstrap seed. Defaults to 1. */
  seed?: number;
  signal?: AbortSignal;
}

/** Items scored between two checkpoints (signal checks, progress events, event-loop yields). */
const ITEMS_PER_STEP = 50;

/**
 * Scores every item's list with the metric judge: an item's score is the mean over its
 * suggestions (an empty list scores 0). Means carry bootstrap 95% CIs over items.
 * Synchronous; `signal` is checked every 50 items. Prefer {@link evaluateSuggestionsAsync} in
 * interactive code.
 */
export function evaluateSuggestions(options: EvaluateSuggestionsOptions): SuggestionEvaluation {
  return runSteps(evaluationSteps(options), options.signal);
}

/**
 * {@link evaluateSuggestions} that yields to the event loop every 50 items, reporting progress
 * and checking `signal` there: rejects with `EvaluationAbortedError` soon after an abort.
 */
export function evaluateSuggestionsAsync(
  options: EvaluateSuggestionsOptions & { onProgress?: (progress: Progress) => void },
): Promise<SuggestionEvaluation> {
  return runStepsAsync(evaluationSteps(options), options);
}

function* evaluationSteps(options: EvaluateSuggestionsOptions): Steps<SuggestionEvaluation> {
  const { judge, items, seed = 1 } = options;
  const scored: ItemScore[] = [];
  for (const item of items) {
    const list = judge.scoreList(item.description, item.suggestions);
    const scores: Record<string, number> = {};
    for (const c of CRITERIA) scores[c] = list.length ? list.reduce((s, x) => s + x.scores[c], 0) / list.length : 0;
    const overall = list.length ? list.reduce((s, x) => s + x.overall, 0) / list.length : 0;
    scored.push({ itemId: item.id, category: item.category, overall, scores });
    if (scored.length % ITEMS_PER_STEP === 0 && scored.length < items.length)
      yield { phase: "scoring suggestions", done: scored.length, total: items.length };
  }
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
