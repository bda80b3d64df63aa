import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateSuggestions, formatEstimate, MetricJudge, RunStore, type SuggestionItem } from "@nomen/evaluator";
import { openBackend } from "../backend.js";
import { loadCliConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { type CommandIo, processIo } from "../terminal.js";
import { withProgress } from "./withProgress.js";

/** Flags of `nomen eval`. */
export interface EvalFlags {
  data: string;
  split: string;
  limit: string;
  count: string;
  db: string;
  model?: string;
  adapter?: string;
  demo?: boolean;
  config?: string;
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
 * with the evaluator's metric judge (means with bootstrap CIs) and records the run in its RunStore.
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
  const items = readEvalItems(flags.data, flags.split, limit);
  if (items.length === 0) throw new UsageError(`${flags.data}/${flags.split}.jsonl has no examples.`);
  const backend = await openBackend({ model: config.model, adapter: config.adapter, demo: flags.demo });
  const started = Date.now();
  try {
    const { evaluation, runId } = await withProgress(
      `eval ${flags.data} (${flags.split})`,
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
        store.update({ phase: "judge", done: 0, total: 1 });
        const evaluation = evaluateSuggestions({ judge: MetricJudge.create(), items: suggested });
        const lines = [
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
              dataset: flags.data,
              suite: flags.split,
              config: { count, limit },
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
    if (!io.stdout.isTTY) io.stdout.write(`${JSON.stringify({ run: runId, overall: evaluation.overall })}\n`);
    return 0;
  } finally {
    await backend.dispose();
  }
}
