import {
  type Estimate,
  type FailureTable,
  type LossCurve,
  type ReportFiles,
  type RunComparison,
  type RunRecord,
  type SafetyMetrics,
  writeReport,
} from "@nomen/evaluator";
import { type EvalInput, recordedSummary } from "./evalInput.js";

/** Everything one `nomen eval` run computed. */
export interface EvalOutcome {
  runId: string;
  /** Items the pipeline refused. */
  blocked: number;
  /** Requests that failed (`<item id>: <message>`), scored as empty answers. */
  errors: string[];
  overall: Estimate;
  criteria: Record<string, Estimate>;
  failures?: FailureTable;
  safety: SafetyMetrics[];
  comparison?: RunComparison;
}

/** Options of {@link writeEvalReport}. */
export interface EvalReportOptions {
  outDir: string;
  input: EvalInput;
  /** The `--against` run (A), shown beside this one. Defaults to none. */
  against?: RunRecord;
  outcome: EvalOutcome;
  /** This run's model version, e.g. `nomen-base+nomen-lora`. */
  name: string;
  /** Extra header lines (model files, judge, training log). */
  notes: readonly string[];
  lossCurves: readonly LossCurve[];
}

/**
 * The `--report` of `nomen eval`: the evaluator's `writeReport` (report.md + self-contained report.html) with run A's
 * recorded scores, failure table and safety rows beside this run's, the A-vs-B comparison and the loss curves.
 */
export function writeEvalReport(options: EvalReportOptions): ReportFiles {
  const { input, against, outcome, name } = options;
  const recorded = (against?.summary ?? {}) as { failures?: FailureTable; safety?: SafetyMetrics[] };
  return writeReport({
    outDir: options.outDir,
    title: `nomen eval: ${input.suiteName}${against ? ` — ${against.id} vs ${outcome.runId}` : ""}`,
    models: [
      ...(against ? [recordedSummary(against)] : []),
      { name, runId: outcome.runId, overall: outcome.overall, criteria: outcome.criteria },
    ],
    ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
    failures: [...(recorded.failures ? [recorded.failures] : []), ...(outcome.failures ? [outcome.failures] : [])],
    safety: [...(recorded.safety ?? []), ...outcome.safety],
    lossCurves: options.lossCurves,
    notes: [`dataset: ${input.dataset} (${input.suiteName}), ${input.items.length} items`, ...options.notes],
  });
}
