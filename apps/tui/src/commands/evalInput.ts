import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Estimate, type ModelSummary, type RunRecord, RunStore } from "@nomen/evaluator";
import { UsageError } from "../errors.js";
import { type EvalItem, readSuite, type Suite } from "./evalSuite.js";

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
export interface EvalInput {
  items: EvalItem[];
  /** Recorded as the run's dataset. */
  dataset: string;
  /** Recorded as the run's suite: the split name, or the suite file's name (runs compare within one suite). */
  suiteName: string;
  suite?: Suite;
  title: string;
  /** The file the items come from (its hash is recorded with the run). */
  file: string;
}

/** Reads what `--data/--split` or `--suite` names (at most `limit` items), before any generation. */
export function readEvalInput(flags: { data?: string; suite?: string; split: string }, limit: number): EvalInput {
  if (flags.data && flags.suite) throw new UsageError("nomen eval takes --data or --suite, not both.");
  if (flags.suite) {
    const suite = readSuite(flags.suite, limit);
    return {
      items: suite.items,
      dataset: flags.suite,
      suiteName: suite.name,
      suite,
      title: `eval ${suite.name}`,
      file: flags.suite,
    };
  }
  if (!flags.data)
    throw new UsageError(
      "nomen eval needs --data <dir> (a dataset folder from nomen dataset generate) or --suite <file.jsonl>.",
    );
  const items = readEvalItems(flags.data, flags.split, limit);
  if (items.length === 0) throw new UsageError(`${flags.data}/${flags.split}.jsonl has no examples.`);
  return {
    items,
    dataset: flags.data,
    suiteName: flags.split,
    title: `eval ${flags.data} (${flags.split})`,
    file: join(flags.data, `${flags.split}.jsonl`),
  };
}

/** The `--against` run, checked before any generation: it exists and scored the same suite. */
export function readAgainst(flags: { against?: string; db: string }, suiteName: string): RunRecord | undefined {
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
export function modelName(model: string | undefined, adapter: string | undefined): string {
  if (!model) return "demo";
  const name = (path: string) => basename(path).replace(/\.gguf$/, "");
  return adapter ? `${name(model)}+${name(adapter)}` : name(model);
}

/** A recorded run's scores for the report (its summary holds overall and criteria). */
export function recordedSummary(record: RunRecord): ModelSummary {
  const summary = record.summary as { overall: Estimate; criteria: Record<string, Estimate> };
  return { name: String(record.config.name ?? record.model), runId: record.id, ...summary };
}
