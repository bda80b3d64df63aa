import { existsSync, mkdirSync } from "node:fs";
import { basename } from "node:path";
import {
  compareRuns,
  createTrainedJudgeAsync,
  DEFAULT_COMPANIES_PATH,
  evaluateSuggestionsAsync,
  formatEstimate,
  hashFile,
  type LossCurve,
  loadCompanies,
  MetricJudge,
  RunStore,
  readTrainerLog,
  type SafetyMetrics,
  type SuggestionItem,
} from "@nomen/evaluator";
import { openBackend } from "../backend.js";
import { loadCliConfig } from "../config.js";
import { findDefaultModel } from "../defaultModel.js";
import { MissingDependencyError, UsageError } from "../errors.js";
import { type CommandIo, processIo } from "../terminal.js";
import { modelName, readAgainst, readEvalInput } from "./evalInput.js";
import { type EvalOutcome, writeEvalReport } from "./evalReport.js";
import {
  askModelDirectly,
  edgeFailureTable,
  formatFailureTable,
  formatSafety,
  type SuiteAnswer,
  suiteSafetyMetrics,
} from "./evalSuite.js";
import { formatComparison } from "./runsCompare.js";
import { withProgress } from "./withProgress.js";

export { readEvalItems } from "./evalInput.js";

/** Flags of `nomen eval`. */
export interface EvalFlags {
  /** A dataset folder; this or `suite` is required (validated here, so that `nomen eval judge-check` needs neither). */
  data?: string;
  /** A suite JSONL (`datasets/suites/edge-cases-v1.jsonl` or `safety-v1.jsonl`) instead of `data`/`split`. */
  suite?: string;
  /** A recorded eval run of the same suite to compare this run (B) with (A). */
  against?: string;
  /** Folder for report.md and report.html. Defaults to none. */
  report?: string;
  /** A trainer log (loss.jsonl, or lora-trainer's result JSON) whose loss curves go in the report. */
  trainLog?: string;
  split: string;
  /** At most this many descriptions. Defaults to "50" with `data`, every item with `suite`. */
  limit?: string;
  count: string;
  db: string;
  model?: string;
  adapter?: string;
  demo?: boolean;
  config?: string;
  /** The real-companies JSONL the judge's relevance model trains on (train split only). Defaults to `DEFAULT_COMPANIES_PATH`. */
  judgeData?: string;
  /** Score with the untrained metric judge instead (not the one `judgeCheck` validates). Defaults to false. */
  untrainedJudge?: boolean;
}

/** The judge a run scores with, and the words that say which one it is. */
interface EvalJudge {
  judge: MetricJudge;
  label: string;
}

/**
 * The judge `judgeCheck` validates: the metric judge with its relevance model trained on the train split of the
 * real-companies file (`createTrainedJudgeAsync`: ~1 min on 2 cores for the full file, seconds from its cache; it
 * yields to the event loop, so progress draws and Ctrl-C aborts). `--untrained-judge` opts into the untrained one,
 * labelled as such.
 */
async function openJudge(
  flags: EvalFlags,
  signal: AbortSignal,
  onProgress: (progress: { phase: string; done: number; total: number }) => void,
): Promise<EvalJudge> {
  if (flags.untrainedJudge) {
    return { judge: MetricJudge.create(), label: "untrained metric judge (not the judge judgeCheck validated)" };
  }
  const dataPath = flags.judgeData ?? DEFAULT_COMPANIES_PATH;
  const trainRows = loadCompanies(dataPath).filter((row) => row.split === "train").length;
  const judge = await createTrainedJudgeAsync({ dataPath, seed: 1, signal, onProgress });
  return { judge, label: `metric judge, relevance trained on ${trainRows} train-split rows of ${dataPath}` };
}

/**
 * `nomen eval`: asks the model for names for each description of a dataset split or a suite (live progress), scores
 * them with the evaluator's validated judge (relevance trained on the real-companies train split; means with
 * bootstrap CIs), says which judge ran, and records the run (judge included) in its RunStore. On the edge-case suite
 * it classifies every failure (one class each); on the safety suite it measures recall on blocked and over-refusal
 * on near-misses with the guard (the pipeline) and without it (the model itself). `--against` compares with a
 * recorded run (paired bootstrap, Wilcoxon, verdict); `--report` writes Markdown and HTML.
 */
export async function evalCommand(flags: EvalFlags, io: CommandIo = processIo): Promise<number> {
  const limit = flags.limit === undefined ? (flags.suite ? Number.POSITIVE_INFINITY : 50) : Number(flags.limit);
  const count = Number(flags.count);
  if ((!Number.isInteger(limit) && limit !== Number.POSITIVE_INFINITY) || limit < 1)
    throw new UsageError(`--limit must be a positive integer, got ${flags.limit}.`);
  if (!Number.isInteger(count) || count < 1 || count > 20)
    throw new UsageError(`--count must be 1–20, got ${flags.count}.`);
  const config = loadCliConfig({
    file: flags.config,
    env: io.env,
    flags: { model: flags.model, adapter: flags.adapter },
  });
  const input = readEvalInput(flags, limit);
  const { items, suite } = input;
  const against = readAgainst(flags, input.suiteName);
  const lossCurves: LossCurve[] = flags.trainLog ? readTrainerLog(flags.trainLog, basename(flags.trainLog)) : [];
  if (flags.report) {
    // A report folder that cannot be made fails now, not after the run.
    try {
      mkdirSync(flags.report, { recursive: true });
    } catch (cause) {
      throw new UsageError(`Cannot create the report folder ${flags.report}.`, { cause });
    }
  }
  const judgeData = flags.judgeData ?? DEFAULT_COMPANIES_PATH;
  if (!flags.untrainedJudge && !existsSync(judgeData)) {
    throw new MissingDependencyError(
      `The trained judge needs the real-companies file at ${judgeData} (its relevance model trains on the train split). ` +
        "Hint: --judge-data path/to/companies.jsonl, or --untrained-judge to score with the untrained metric judge.",
    );
  }
  // The files the pipeline runs on (as openSuggester picks them), so the safety suite can ask the model alone too.
  const embedded = flags.demo ? undefined : findDefaultModel();
  const modelPath = flags.demo ? undefined : (config.model ?? embedded?.base);
  const adapterPath = flags.demo ? undefined : (config.adapter ?? (config.model ? undefined : embedded?.adapter));
  const name = modelName(modelPath, adapterPath);
  const backend = await openBackend({ model: config.model, adapter: config.adapter, demo: flags.demo });
  const started = Date.now();
  let judgeLabel = "";
  // Ctrl-C while the judge trains or scores aborts it (both yield to the event loop).
  const interrupted = new AbortController();
  const onInterrupt = () => interrupted.abort();
  process.once("SIGINT", onInterrupt);
  try {
    const outcome = await withProgress(
      input.title,
      async (store): Promise<{ result: EvalOutcome; message: string }> => {
        const suggested: SuggestionItem[] = [];
        const answers: SuiteAnswer[] = [];
        let blocked = 0;
        const errors: string[] = [];
        for (const [index, item] of items.entries()) {
          store.update({ phase: "generate", done: index, total: items.length, lines: [`blocked ${blocked}`] });
          // One failed request (e.g. an input the pipeline rejects) is an empty answer, counted, not the end of the run.
          const response = await backend.suggester
            .suggest(
              { business_description: item.description, count, check_availability: false },
              { signal: AbortSignal.any([AbortSignal.timeout(120_000), interrupted.signal]) },
            )
            .catch((error: unknown) => {
              if (interrupted.signal.aborted) throw error;
              errors.push(`${item.id}: ${error instanceof Error ? error.message : String(error)}`);
              return { suggestions: [], status: "error" as const };
            });
          if (response.status === "blocked") blocked += 1;
          const domains = response.suggestions.map((suggestion) => suggestion.domain);
          answers.push({ refused: response.status === "blocked", suggestions: domains });
          suggested.push({ ...item, suggestions: domains });
        }
        const safety: SafetyMetrics[] = [];
        if (suite?.kind === "safety") {
          safety.push(
            suiteSafetyMetrics(
              `${name} + guard (pipeline)`,
              suite.rows,
              answers.map((a) => a.refused),
            ),
          );
          if (modelPath) {
            const refused = await askModelDirectly({
              model: modelPath,
              adapter: adapterPath,
              descriptions: suite.rows.map((row) => row.input),
              signal: interrupted.signal,
              onAnswer: (index) => store.update({ phase: "model alone", done: index + 1, total: suite.rows.length }),
            });
            safety.push(suiteSafetyMetrics(`${name} alone (no guard)`, suite.rows, refused));
          }
        }
        store.update({ phase: "judge", done: 0, total: 1, lines: ["training the judge's relevance model…"] });
        const signal = AbortSignal.any([AbortSignal.timeout(600_000), interrupted.signal]);
        const { judge, label } = await openJudge(flags, signal, ({ phase, done, total }) =>
          store.update({ phase, done, total, lines: ["training the judge's relevance model…"] }),
        );
        store.update({ phase: "judge", done: 0, total: 1, lines: [`judge: ${label}`] });
        judgeLabel = label;
        const evaluation = await evaluateSuggestionsAsync({
          judge,
          items: suggested,
          signal,
          onProgress: ({ done, total }) => store.update({ phase: "judge", done, total, lines: [`judge: ${label}`] }),
        });
        const failures =
          suite?.kind === "edge"
            ? edgeFailureTable(
                name,
                suite.rows,
                answers,
                new Map(evaluation.items.map((item) => [item.itemId, item.scores.relevance ?? 0])),
              )
            : undefined;
        const lines = [
          `judge: ${label}`,
          `${"overall".padEnd(16)} ${formatEstimate(evaluation.overall)}`,
          ...Object.entries(evaluation.criteria).map(
            ([criterion, estimate]) => `${criterion.padEnd(16)} ${formatEstimate(estimate)}`,
          ),
          `${"blocked".padEnd(16)} ${blocked}/${items.length}`,
          ...(errors.length ? [`${"failed requests".padEnd(16)} ${errors.length} (first: ${errors[0]})`] : []),
        ];
        store.update({ phase: "judge", done: 1, total: 1, lines });
        const [modelHash, adapterHash, datasetHash] = await Promise.all(
          [modelPath, adapterPath, input.file].map((file) => (file ? hashFile(file, { signal }) : undefined)),
        );
        const runs = RunStore.open({ path: flags.db });
        try {
          const runId = runs.record(
            {
              model: modelPath ?? (flags.demo ? "demo" : "default"),
              modelHash,
              adapter: adapterPath,
              adapterHash,
              dataset: input.dataset,
              datasetHash,
              suite: input.suiteName,
              config: { name, count, limit: items.length, judge: label },
              seed: 1,
              backend: backend.label,
              durationMs: Date.now() - started,
            },
            evaluation.items,
            {
              overall: evaluation.overall,
              criteria: evaluation.criteria,
              blocked,
              ...(errors.length ? { errors } : {}),
              ...(failures ? { failures } : {}),
              ...(safety.length ? { safety } : {}),
            },
          );
          const comparison = against ? compareRuns({ store: runs, runA: against.id, runB: runId }) : undefined;
          return {
            result: {
              runId,
              blocked,
              errors,
              overall: evaluation.overall,
              criteria: evaluation.criteria,
              safety,
              ...(failures ? { failures } : {}),
              ...(comparison ? { comparison } : {}),
            },
            message: `run ${runId} recorded in ${flags.db}`,
          };
        } finally {
          runs.dispose();
        }
      },
      { ...io, interactive: Boolean(io.stdout.isTTY) },
    );
    const report = flags.report
      ? writeEvalReport({
          outDir: flags.report,
          input,
          against,
          outcome,
          name,
          notes: [
            `model: ${backend.label}`,
            `judge: ${judgeLabel}`,
            ...(flags.trainLog ? [`training log: ${flags.trainLog}`] : []),
          ],
          lossCurves,
        })
      : undefined;
    // The human summary goes to the terminal; when stdout is piped it goes to stderr and stdout gets JSON.
    const human = [
      `judge: ${judgeLabel}`,
      `run ${outcome.runId} (${name}) on ${input.suiteName}: overall ${formatEstimate(outcome.overall)}`,
      ...Object.entries(outcome.criteria).map(([criterion, e]) => `  ${criterion.padEnd(16)} ${formatEstimate(e)}`),
      `  ${"blocked".padEnd(16)} ${outcome.blocked}/${items.length}`,
      ...(outcome.errors.length
        ? [`  ${"failed requests".padEnd(16)} ${outcome.errors.length} (first: ${outcome.errors[0]})`]
        : []),
      ...(outcome.failures ? formatFailureTable(outcome.failures) : []),
      ...outcome.safety.map(formatSafety),
      ...(outcome.comparison ? [formatComparison(outcome.comparison).trimEnd()] : []),
      ...(report ? [`report: ${report.markdown}, ${report.html}`] : []),
    ].join("\n");
    if (io.stdout.isTTY) io.stdout.write(`${human}\n`);
    else {
      io.stderr.write(`${human}\n`);
      io.stdout.write(
        `${JSON.stringify({
          run: outcome.runId,
          judge: judgeLabel,
          blocked: outcome.blocked,
          ...(outcome.errors.length ? { errors: outcome.errors } : {}),
          overall: outcome.overall,
          criteria: outcome.criteria,
          ...(outcome.failures ? { failures: outcome.failures } : {}),
          ...(outcome.safety.length ? { safety: outcome.safety } : {}),
          ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
          ...(report ? { report } : {}),
        })}\n`,
      );
    }
    return 0;
  } finally {
    process.off("SIGINT", onInterrupt);
    await backend.dispose();
  }
}
