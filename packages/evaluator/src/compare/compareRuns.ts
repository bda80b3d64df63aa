import { InvalidSampleError } from "../errors.js";
import { comparePaired, type PairedComparison } from "../stats/pairedComparison.js";
import type { ItemScore, RunStore } from "../tracking/RunStore.js";

/** A vs B overall, per category and per criterion, on the items both runs scored. */
export interface RunComparison {
  runA: string;
  runB: string;
  pairedItems: number;
  overall: PairedComparison;
  byCategory: Record<string, PairedComparison>;
  byCriterion: Record<string, PairedComparison>;
}

/** Compares two sets of per-item scores, pairing items by id. */
export function compareItemScores(
  runA: string,
  a: readonly ItemScore[],
  runB: string,
  b: readonly ItemScore[],
  seed = 1,
): RunComparison {
  const byId = new Map(b.map((item) => [item.itemId, item]));
  const pairs = a.flatMap((item) => {
    const other = byId.get(item.itemId);
    return other ? [[item, other] as const] : [];
  });
  if (pairs.length === 0)
    throw new InvalidSampleError(`Runs ${runA} and ${runB} share no item ids: compare runs of the same suite.`);
  const compare = (selected: typeof pairs, value: (item: ItemScore) => number) =>
    comparePaired(
      selected.map(([x]) => value(x)),
      selected.map(([, y]) => value(y)),
      { seed },
    );
  const byCategory: Record<string, PairedComparison> = {};
  for (const category of [...new Set(pairs.map(([x]) => x.category))].sort()) {
    const selected = pairs.filter(([x]) => x.category === category);
    if (selected.length >= 2) byCategory[category] = compare(selected, (item) => item.overall);
  }
  const byCriterion: Record<string, PairedComparison> = {};
  for (const criterion of Object.keys(pairs[0]?.[0].scores ?? {}))
    byCriterion[criterion] = compare(pairs, (item) => item.scores[criterion] ?? 0);
  return {
    runA,
    runB,
    pairedItems: pairs.length,
    overall: compare(pairs, (item) => item.overall),
    byCategory,
    byCriterion,
  };
}

/** Compares two recorded runs by id (`nomen runs compare A B`). */
export function compareRuns(options: { store: RunStore; runA: string; runB: string; seed?: number }): RunComparison {
  const { store, runA, runB, seed = 1 } = options;
  return compareItemScores(runA, store.items(runA), runB, store.items(runB), seed);
}
