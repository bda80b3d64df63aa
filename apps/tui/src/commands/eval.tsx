import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createTrainedJudgeAsync,
  DEFAULT_COMPANIES_PATH,
  evaluateSuggestionsAsync,
  formatEstimate,
  loadCompanies,
  MetricJudge,
  RunStore,
  type SuggestionItem,
} from "@nomen/evaluator";
import { openBackend } from "../backend.js";
import { loadCliConfig } from "../config.js";
import { MissingDependencyError, UsageError } from "../errors.js";
import { type CommandIo, processIo } from "../terminal.js";
import { withProgress } from "./withProgress.js";

/** Flags of `nomen eval`. */
export interface EvalFlags {
  /** Required (validated here, so that `nomen eval judge-check` does not need it). */
  data?: string;
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

interface EvalItem {
  id: string;
  category: string;
  description: string;
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

/**
 * `nomen eval`: asks the model for names for each description of a dataset split (live progress), scores them
 * with the evaluator's validated judge (relevance trained on the real-companies train split; means with bootstrap
 * CIs), says which judge ran, and records the run (judge included) in its RunStore.
 */
export async function evalCommand(flags: EvalFlags, io: CommandIo = processIo): Promise<number> {
  if (!flags.data)
    throw new UsageError("nomen eval needs --data <dir> (a dataset folder from nomen dataset generate).");
  const data = flags.data;
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
  const items = readEvalItems(data, flags.split, limit);
  if (items.length === 0) throw new UsageError(`${data}/${flags.split}.jsonl has no examples.`);
  const judgeData = flags.judgeData ?? DEFAULT_COMPANIES_PATH;
  if (!flags.untrainedJudge && !existsSync(judgeData)) {
    throw new MissingDependencyError(
      `The trained judge needs the real-companies file at ${judgeData} (its relevance model trains on the train split). ` +
        "Hint: --judge-data path/to/companies.jsonl, or --untrained-judge to score with the untrained metric judge.",
    );
  }
  const backend = await openBackend({ model: config.model, adapter: config.adapter, demo: flags.demo });
  const started = Date.now();
  let judgeLabel = "";
  // Ctrl-C while the judge trains or scores aborts it (both yield to the event loop).
  const interrupted = new AbortController();
  const onInterrupt = () => interrupted.abort();
  process.once("SIGINT", onInterrupt);
  try {
    const { evaluation, runId } = await withProgress(
      `eval ${data} (${flags.split})`,
      async (store) => {
        const suggested: SuggestionItem[] = [];
        let blocked = 0;
        for (const [index, item] of items.entries()) {
          store.update({ phase: "generate", done: index, total: items.length, lines: [`blocked ${blocked}`] });
          const response = await backend.suggester.suggest(
            { business_description: item.description, count, check_availability: false },
            { signal: AbortSignal.timeout(120_000) },
          );
          if (response.status === "blocked") blocked += 1;
          suggested.push({ ...item, suggestions: response.suggestions.map((suggestion) => suggestion.domain) });
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
        const lines = [
          `judge: ${label}`,
          `${"overall".padEnd(16)} ${formatEstimate(evaluation.overall)}`,
          ...Object.entries(evaluation.criteria).map(
            ([name, estimate]) => `${name.padEnd(16)} ${formatEstimate(estimate)}`,
          ),
          `${"blocked".padEnd(16)} ${blocked}/${items.length}`,
        ];
        store.update({ phase: "judge", done: 1, total: 1, lines });
        const runs = RunStore.open({ path: flags.db });
        try {
          const runId = runs.record(
            {
              model: config.model ?? (flags.demo ? "demo" : "default"),
              adapter: config.adapter,
              dataset: data,
              suite: flags.split,
              config: { count, limit, judge: label },
              seed: 1,
              backend: backend.label,
              durationMs: Date.now() - started,
            },
            evaluation.items,
            { overall: evaluation.overall, criteria: evaluation.criteria, blocked },
          );
          return { result: { evaluation, runId }, message: `run ${runId} recorded in ${flags.db}` };
        } finally {
          runs.dispose();
        }
      },
      { ...io, interactive: Boolean(io.stdout.isTTY) },
    );
    if (io.stdout.isTTY) io.stdout.write(`judge: ${judgeLabel}\n`);
    else io.stdout.write(`${JSON.stringify({ run: runId, judge: judgeLabel, overall: evaluation.overall })}\n`);
    return 0;
  } finally {
    process.off("SIGINT", onInterrupt);
    await backend.dispose();
  }
}
