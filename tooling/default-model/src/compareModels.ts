import {
  compareItemScores,
  evaluateSuggestionsAsync,
  hashFile,
  type MetricJudge,
  type RunComparison,
  RunStore,
  type SuggestionEvaluation,
} from "@nomen/evaluator";
import type { AdapterSpec } from "@nomen/metal-runtime";
import { askModel } from "@nomen/suggest";

/** One side of a comparison: a base GGUF and the adapters applied to it. */
export interface ModelUnderTest {
  label: string;
  modelPath: string;
  adapters?: readonly AdapterSpec[];
}

/** An item to answer and score; ids pair the two models' answers. */
export interface ComparisonItem {
  id: string;
  category: string;
  description: string;
}

/** Options for {@link compareModels}. */
export interface CompareModelsOptions {
  a: ModelUnderTest;
  b: ModelUnderTest;
  items: readonly ComparisonItem[];
  judge: MetricJudge;
  /** Domains asked per description. Defaults to 5. */
  count?: number;
  /** Records both runs here when given (`nomen runs` reads it). */
  runStorePath?: string;
  /** Names the item set in the run store, e.g. "v1/test (held out)". */
  suite: string;
  /** Dataset folder or suite file, recorded with its hash. */
  dataset: string;
  signal?: AbortSignal;
  onProgress?: (line: string) => void;
}

/** Both models' evaluations and their paired comparison (B − A). */
export interface ModelComparison {
  a: SuggestionEvaluation & { runId?: string; refused: number; seconds: number };
  b: SuggestionEvaluation & { runId?: string; refused: number; seconds: number };
  comparison: RunComparison;
}

/**
 * Asks both models themselves (llama.cpp, greedy, the suggestion grammar with refusal allowed, no guard) for names
 * for every item, scores each list with the judge (a refusal scores 0), and compares the per-item overall scores
 * with a paired bootstrap and Wilcoxon signed-rank test (`@nomen/evaluator`).
 */
export async function compareModels(options: CompareModelsOptions): Promise<ModelComparison> {
  const evaluate = async (model: ModelUnderTest) => {
    const { results, seconds, backend } = await askModel({
      modelPath: model.modelPath,
      adapters: model.adapters,
      descriptions: options.items.map((item) => item.description),
      count: options.count ?? 5,
      allowBlocked: true,
      continueOnError: true,
      signal: options.signal,
      onAnswer: (index) => {
        if ((index + 1) % 50 === 0) options.onProgress?.(`${model.label}: ${index + 1}/${options.items.length}`);
      },
    });
    const items = options.items.map((item, i) => ({
      ...item,
      suggestions: results[i]?.suggestions.map((suggestion) => suggestion.domain) ?? [],
    }));
    const evaluation = await evaluateSuggestionsAsync({ judge: options.judge, items, signal: options.signal });
    const refused = results.filter((result) => result.blocked).length;
    const runId = options.runStorePath
      ? await record(options, model, evaluation, { backend, seconds, refused })
      : undefined;
    return { ...evaluation, refused, seconds, ...(runId ? { runId } : {}) };
  };
  const a = await evaluate(options.a);
  const b = await evaluate(options.b);
  const comparison = compareItemScores(a.runId ?? options.a.label, a.items, b.runId ?? options.b.label, b.items);
  return { a, b, comparison };
}

async function record(
  options: CompareModelsOptions,
  model: ModelUnderTest,
  evaluation: SuggestionEvaluation,
  run: { backend: string; seconds: number; refused: number },
): Promise<string> {
  const adapter = model.adapters?.[0]?.path;
  const modelHash = await hashFile(model.modelPath);
  const adapterHash = adapter ? await hashFile(adapter) : undefined;
  const store = RunStore.open({ path: options.runStorePath });
  try {
    return store.record(
      {
        model: model.modelPath,
        modelHash,
        ...(adapter ? { adapter, adapterHash } : {}),
        dataset: options.dataset,
        suite: options.suite,
        config: { label: model.label, count: options.count ?? 5, decoding: "greedy, grammar, no guard" },
        seed: 1,
        backend: run.backend,
        durationMs: Math.round(run.seconds * 1000),
      },
      evaluation.items,
      { overall: evaluation.overall, criteria: evaluation.criteria, refused: run.refused },
    );
  } finally {
    store.dispose();
  }
}
