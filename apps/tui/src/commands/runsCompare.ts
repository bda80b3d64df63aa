import { existsSync } from "node:fs";
import { compareRuns, formatEstimate, type PairedComparison, type RunComparison, RunStore } from "@nomen/evaluator";
import { UsageError } from "../errors.js";
import type { CommandIo } from "../terminal.js";

const line = (label: string, c: PairedComparison) =>
  `${label.padEnd(18)} A ${formatEstimate(c.meanA)}  B ${formatEstimate(c.meanB)}  B − A ${formatEstimate(c.delta)}  p ${c.wilcoxon.p.toPrecision(3)}  ${c.verdict}`;

/**
 * The lines `nomen runs compare` and `nomen eval --against` print: A vs B overall, per category and per criterion —
 * both means with bootstrap 95% CIs, B − A with a paired-bootstrap CI, Wilcoxon p and the verdict.
 */
export function formatComparison(comparison: RunComparison): string {
  const lines = [
    `A ${comparison.runA} vs B ${comparison.runB}: ${comparison.pairedItems} paired items`,
    line("overall", comparison.overall),
    ...Object.entries(comparison.byCategory).map(([category, c]) => line(category, c)),
    ...Object.entries(comparison.byCriterion).map(([criterion, c]) => line(criterion, c)),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `nomen runs compare A B`: two eval runs of the same suite, paired by item id — overall, per category and per
 * criterion: both means with bootstrap 95% CIs, B − A with a paired-bootstrap CI, Wilcoxon p and the verdict
 * ("B better" only when the CI excludes 0 and p < 0.05).
 */
export function compareRunsCommand(
  runA: string | undefined,
  runB: string | undefined,
  flags: { json?: boolean; db?: string },
  io: CommandIo,
): number {
  const db = flags.db ?? ".nomen/runs.db";
  if (!runA || !runB) throw new UsageError("nomen runs compare needs two eval run ids. Hint: nomen runs list.");
  if (!existsSync(db)) throw new UsageError(`No run store at ${db}: record runs with nomen eval first.`);
  const store = RunStore.open({ path: db });
  try {
    for (const id of [runA, runB]) {
      try {
        store.get(id);
      } catch (cause) {
        throw new UsageError(`No eval run ${JSON.stringify(id)} in ${db}. Hint: nomen runs list.`, { cause });
      }
    }
    const comparison = compareRuns({ store, runA, runB });
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(comparison)}\n`);
      return 0;
    }
    io.stdout.write(formatComparison(comparison));
    return 0;
  } finally {
    store.dispose();
  }
}
