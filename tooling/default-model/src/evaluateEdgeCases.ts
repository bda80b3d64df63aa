import { classifyFailure, type EdgeCaseOutcome, type FailureTable, failureTable } from "@nomen/evaluator";
import { type AskModelOptions, askModel } from "@nomen/suggest";
import { copiesWord } from "./copyRate.js";

/** One row of `datasets/suites/edge-cases-v1.jsonl`. */
export interface EdgeCaseSuiteItem {
  id: string;
  category: string;
  expectBlocked: boolean;
  language: string;
  input: string;
  keywords: string[];
  forbidden?: string[];
  constraints?: EdgeCaseOutcome["constraints"];
}

/** Options for {@link evaluateEdgeCases}. */
export interface EvaluateEdgeCasesOptions
  extends Omit<AskModelOptions, "descriptions" | "allowBlocked" | "continueOnError"> {
  items: readonly EdgeCaseSuiteItem[];
  /** Names the model in the failure table. Defaults to the model path. */
  label?: string;
}

/** The failure taxonomy of the model itself (no guard, no output filter) on the edge-case suite. */
export interface EdgeCaseEvaluation {
  table: FailureTable;
  /** Per category: items, failures, and items where some domain copies one of the item's keywords. */
  byCategory: Record<string, { items: number; failures: number; keywordCopied: number }>;
  outcomes: (EdgeCaseOutcome & { category: string; failure: string | null; error?: string })[];
  backend: string;
  seconds: number;
}

/**
 * Runs the edge-case suite through llama.cpp with the grammar (refusal allowed) and classifies each answer with
 * `@nomen/evaluator`'s `classifyFailure` (one class per failure). A generation that fails (e.g. an input longer than
 * the context) is recorded with its error and counts as `invalid-format`. Relevance is not judged here.
 */
export async function evaluateEdgeCases(options: EvaluateEdgeCasesOptions): Promise<EdgeCaseEvaluation> {
  const { items, label, ...runtime } = options;
  const { results, errors, backend, seconds } = await askModel({
    ...runtime,
    descriptions: items.map((item) => item.input),
    allowBlocked: true,
    continueOnError: true,
  });
  const outcomes = items.map((item, i): EdgeCaseOutcome => {
    const result = results[i]!;
    return {
      id: item.id,
      description: item.input,
      expected: item.expectBlocked ? "refuse" : "suggest",
      ...(item.constraints ? { constraints: item.constraints } : {}),
      ...(item.forbidden ? { forbidden: item.forbidden } : {}),
      status: result.blocked ? "refused" : "ok",
      suggestions: result.suggestions.map((s) => s.domain),
    };
  });
  const table = failureTable(label ?? runtime.modelPath, outcomes);
  const byCategory: EdgeCaseEvaluation["byCategory"] = {};
  const classified = outcomes.map((outcome, i) => {
    const item = items[i]!;
    const failure = classifyFailure(outcome) ?? null;
    const entry = byCategory[item.category] ?? { items: 0, failures: 0, keywordCopied: 0 };
    byCategory[item.category] = entry;
    entry.items++;
    if (failure) entry.failures++;
    if (item.keywords.some((k) => copiesWord(k, outcome.suggestions))) entry.keywordCopied++;
    const error = errors.get(i);
    return { ...outcome, category: item.category, failure, ...(error ? { error } : {}) };
  });
  return { table, byCategory, outcomes: classified, backend, seconds };
}
