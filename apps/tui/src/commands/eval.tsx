import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  compareRuns,
  createTrainedJudgeAsync,
  DEFAULT_COMPANIES_PATH,
  type Estimate,
  evaluateSuggestionsAsync,
  type FailureTable,
  formatEstimate,
  type LossCurve,
  loadCompanies,
  MetricJudge,
  type ModelSummary,
  type RunComparison,
  type RunRecord,
  RunStore,
  readTrainerLog,
  type SafetyMetrics,
  type SuggestionItem,
  writeReport,
} from "@nomen/evaluator";
import { openBackend } from "../backend.js";
import { loadCliConfig } from "../config.js";
import { findDefaultModel } from "../defaultModel.js";
import { MissingDependencyError, UsageError } from "../errors.js";
import { type CommandIo, processIo } from "../terminal.js";
import {
  askModelDirectly,
  type EvalItem,
  edgeFailureTable,
  formatFailureTable,
  formatSafety,
  readSuite,
  type Suite,
  type SuiteAnswer,
  suiteSafetyMetrics,
} from "./evalSuite.js";
import { formatComparison } from "./runsCompare.js";
import { withProgress } from "./withProgress.js";

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
  limit: string;
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

/** Reads `<dir>/<split>.jsonl` (chat records) with its `<split>.meta.jsonl` (ids, categories). */
export function readEvalItems(dir: string, split: string, limit: number): EvalItem[] {
  const read = (file: string) => {
    try {
      return readFileSync(join(dir, file), "utf8").split("\n").filter(Boolean);
    } catch (cause) {
      throw new UsageError(`Cannot read ${join(dir, file)}: is ${dir} a dataset from nomen dataset generate?`, {
        cause,
      });
    }
  };
  const chats = read(`${split}.jsonl`);
  const metas = read(`${split}.meta.jsonl`);
  return chats.slice(0, limit).map((line, index) => {
    const chat = JSON.parse(line) as { messages: { role: string; content: string }[] };
    const meta = JSON.parse(metas[index] ?? "{}") as { id?: string; category?: string };
    const description = chat.messages.find((message) => message.role === "user")?.content ?? "";
    return { id: meta.id ?? String(index), category: meta.category ?? "unknown", description };
  });
}

/** What `nomen eval` evaluates: a dataset split or a suite. */
interface EvalInput {
  items: EvalItem[];
  /** Recorded as the run's dataset. */
  dataset: string;
  /** Recorded as the run's suite: the split name, or the suite file's name (runs compare within one suite). */
  suiteName: string;
  suite?: Suite;
  title: string;
}

function readEvalInput(flags: EvalFlags, limit: number): EvalInput {
  if (flags.data && flags.suite) throw new UsageError("nomen eval takes --data or --suite, not both.");
  if (flags.suite) {
    const suite = readSuite(flags.suite, limit);
    return { items: suite.items, dataset: flags.suite, suiteName: suite.name, suite, title: `eval ${suite.name}` };
  }
  if (!flags.data)
    throw new UsageError(
      "nomen eval needs --data <dir> (a dataset folder from nomen dataset generate) or --suite <file.jsonl>.",
    );
  const items = readEvalItems(flags.data, flags.split, limit);
  if (items.length === 0) throw new UsageError(`${flags.data}/${flags.split}.jsonl has no examples.`);
  return { items, dataset: flags.data, suiteName: flags.split, title: `eval ${flags.data} (${flags.split})` };
}

/** The `--against` run, checked before any generation: it exists and scored the same suite. */
function readAgainst(flags: EvalFlags, suiteName: string): RunRecord | undefined {
  if (!flags.against) return undefined;
  if (!existsSync(flags.db)) throw new UsageError(`No run store at ${flags.db}: record run A with nomen eval first.`);
  const store = RunStore.open({ path: flags.db });
  try {
    let record: RunRecord;
    try {
      record = store.get(flags.against);
    } catch (cause) {
      throw new UsageError(`No eval run ${JSON.stringify(flags.against)} in ${flags.db}. Hint: nomen runs list.`, {
        cause,
      });
    }
    if (record.suite !== suiteName)
      throw new UsageError(
        `Run ${flags.against} evaluated ${JSON.stringify(record.suite)}, this run evaluates ${JSON.stringify(suiteName)}: compare runs of the same suite.`,
      );
    return record;
  } finally {
    store.dispose();
  }
}

/** Short name of a model version: `nomen-base`, `nomen-base+nomen-lora`, `demo`. */
function modelName(model: string | undefined, adapter: string | undefined): string {
  if (!model) return "demo";
  const name = (path: string) => basename(path).replace(/\.gguf$/, "");
  return adapter ? `${name(model)}+${name(adapter)}` : name(model);
}

/** A recorded run's scores for the report (its summary holds overall and criteria). */
function recordedSummary(record: RunRecord): ModelSummary {
  const summary = record.summary as { overall: Estimate; criteria: Record<string, Estimate> };
  return { name: String(record.config.name ?? record.model), runId: record.id, ...summary };
}

/** Everything one `nomen eval` run computed. */
interface EvalOutcome {
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

/**
 * `nomen eval`: asks the model for names for each description of a dataset split or a suite (live progress), scores
 * them with the evaluator's validated judge (relevance trained on the real-companies train split; means with
 * bootstrap CIs), says which judge ran, and records the run (judge included) in its RunStore. On the edge-case suite
 * it classifies every failure (one class each); on the safety suite it measures recall on blocked and over-refusal
 * on near-misses with the guard (the pipeline) and without it (the model itself). `--against` compares with a
 * recorded run (paired bootstrap, Wilcoxon, verdict); `--report` writes Markdown and HTML.
 */
export async function evalCommand(flags: EvalFlags, io: CommandIo = processIo): Promise<number> {
  const limit = Number(flags.limit);
  const count = Number(flags.count);
  if (!Number.isInteger(limit) || limit < 1)
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
        const runs = RunStore.open({ path: flags.db });
        try {
          const runId = runs.record(
            {
              model: modelPath ?? (flags.demo ? "demo" : "default"),
              adapter: adapterPath,
              dataset: input.dataset,
              suite: input.suiteName,
              config: { name, count, limit, judge: label },
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
      ? writeReport({
          outDir: flags.report,
          title: `nomen eval: ${input.suiteName}${against ? ` — ${against.id} vs ${outcome.runId}` : ""}`,
          models: [
            ...(against ? [recordedSummary(against)] : []),
            { name, runId: outcome.runId, overall: outcome.overall, criteria: outcome.criteria },
          ],
          ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
          failures: [
            ...(against && (against.summary as { failures?: FailureTable }).failures
              ? [(against.summary as { failures: FailureTable }).failures]
              : []),
            ...(outcome.failures ? [outcome.failures] : []),
          ],
          safety: outcome.safety,
          lossCurves,
          notes: [
            `dataset: ${input.dataset} (${input.suiteName}), ${items.length} items`,
            `model: ${backend.label}`,
            `judge: ${judgeLabel}`,
            ...(flags.trainLog ? [`training log: ${flags.trainLog}`] : []),
          ],
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
