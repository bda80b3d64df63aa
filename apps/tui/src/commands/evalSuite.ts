import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  type EdgeCaseOutcome,
  type FailureTable,
  failureTable,
  type SafetyMetrics,
  type SafetyOutcome,
  safetyMetrics,
} from "@nomen/evaluator";
import { UsageError } from "../errors.js";

/** One description to evaluate: from a dataset split or a suite. */
export interface EvalItem {
  id: string;
  category: string;
  description: string;
}

/** One row of `datasets/suites/edge-cases-v1.jsonl`. */
export interface EdgeSuiteItem {
  id: string;
  category: string;
  input: string;
  expectBlocked: boolean;
  keywords?: string[];
  forbidden?: string[];
  language?: string;
  constraints?: EdgeCaseOutcome["constraints"];
}

/** One row of `datasets/suites/safety-v1.jsonl`: `label` blocked or allowed; `kind` blocked, evasion or near-miss. */
export interface SafetySuiteItem {
  id: string;
  input: string;
  label: "blocked" | "allowed";
  kind: string;
  category: string;
}

/** A suite file, recognised by its rows' fields. */
export type Suite =
  | { kind: "edge"; name: string; items: EvalItem[]; rows: EdgeSuiteItem[] }
  | { kind: "safety"; name: string; items: EvalItem[]; rows: SafetySuiteItem[] };

/**
 * Reads a suite JSONL (at most `limit` rows): edge-case rows have `expectBlocked`, safety rows have `label`. The
 * suite's name is the file name without `.jsonl` (runs of one suite compare by item id).
 */
export function readSuite(path: string, limit = Number.POSITIVE_INFINITY): Suite {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new UsageError(`Cannot read the suite ${path}. Hint: datasets/suites/edge-cases-v1.jsonl.`, { cause });
  }
  const rows = text
    .split("\n")
    .filter((line) => line.trim())
    .slice(0, limit)
    .map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch (cause) {
        throw new UsageError(`${path} line ${index + 1} is not JSON.`, { cause });
      }
    });
  if (rows.length === 0) throw new UsageError(`The suite ${path} has no items.`);
  const name = basename(path).replace(/\.jsonl$/, "");
  const first = rows[0] ?? {};
  if (typeof first.expectBlocked === "boolean") {
    const edge = rows as unknown as EdgeSuiteItem[];
    const items = edge.map((row) => ({ id: row.id, category: row.category, description: row.input }));
    return { kind: "edge", name, items, rows: edge };
  }
  if (first.label === "blocked" || first.label === "allowed") {
    const safety = rows as unknown as SafetySuiteItem[];
    const items = safety.map((row) => ({ id: row.id, category: row.category, description: row.input }));
    return { kind: "safety", name, items, rows: safety };
  }
  throw new UsageError(
    `${path} is neither an edge-case suite (rows with expectBlocked) nor a safety suite (rows with label).`,
  );
}

/** What the system answered for one item. */
export interface SuiteAnswer {
  refused: boolean;
  suggestions: readonly string[];
}

/**
 * The failure taxonomy of one model version on the edge-case suite: each answer classified by the evaluator's
 * `classifyFailure` (one class per failure, so the table sums to the failures); `relevance` (the judge's 0–10
 * relevance of each item's list) lets it name irrelevant lists.
 */
export function edgeFailureTable(
  model: string,
  rows: readonly EdgeSuiteItem[],
  answers: readonly SuiteAnswer[],
  relevance: ReadonlyMap<string, number> = new Map(),
): FailureTable {
  const outcomes = rows.map((row, index): EdgeCaseOutcome => {
    const answer = answers[index] ?? { refused: false, suggestions: [] };
    const score = relevance.get(row.id);
    return {
      id: row.id,
      description: row.input,
      expected: row.expectBlocked ? "refuse" : "suggest",
      ...(row.constraints || (row.language && row.language !== "en")
        ? { constraints: { ...row.constraints, ...(row.language ? { language: row.language } : {}) } }
        : {}),
      ...(row.forbidden ? { forbidden: row.forbidden } : {}),
      status: answer.refused ? "refused" : "ok",
      suggestions: answer.suggestions,
      ...(score === undefined ? {} : { relevance: [score] }),
    };
  });
  return failureTable(model, outcomes);
}

/** Safety metrics of one configuration: blocked and evasion rows must be refused, near-misses answered. */
export function suiteSafetyMetrics(
  label: string,
  rows: readonly SafetySuiteItem[],
  refused: readonly boolean[],
): SafetyMetrics {
  const outcomes = rows.map(
    (row, index): SafetyOutcome => ({
      kind: row.label === "blocked" ? "blocked" : "near-miss",
      refused: refused[index] ?? false,
      category: row.category,
    }),
  );
  return safetyMetrics(label, outcomes);
}

/** The lines `nomen eval` prints for a failure table: count per class, then failures / items. */
export function formatFailureTable(table: FailureTable): string[] {
  return [
    `failure taxonomy (${table.model}; one class per failed item):`,
    ...Object.entries(table.counts)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `  ${name.padEnd(20)} ${count}`),
    `  ${"failures / items".padEnd(20)} ${table.failures} / ${table.items}`,
  ];
}

/** The line `nomen eval` prints for one configuration's safety metrics. */
export function formatSafety(metrics: SafetyMetrics): string {
  const pct = (e: SafetyMetrics["recall"]) =>
    `${(e.value * 100).toFixed(1)}% [${(e.low * 100).toFixed(1)}, ${(e.high * 100).toFixed(1)}] (n=${e.n})`;
  return `${metrics.label.padEnd(34)} recall on blocked ${pct(metrics.recall)}   over-refusal on near-misses ${pct(metrics.overRefusal)}`;
}

/** Options of {@link askModelDirectly}. */
export interface AskModelDirectlyOptions {
  model: string;
  adapter?: string;
  descriptions: readonly string[];
  signal?: AbortSignal;
  onAnswer?: (index: number) => void;
}

/**
 * The model itself, without the guard (`askModel` from @nomen/suggest: CPU, 1 thread, greedy, the suggestion
 * grammar with the refusal allowed). Returns whether it refused each description; a failed generation (e.g. a
 * prompt longer than the context) is an answer, not a refusal.
 */
export async function askModelDirectly(options: AskModelDirectlyOptions): Promise<boolean[]> {
  const { askModel } = await import("@nomen/suggest");
  const { results } = await askModel({
    modelPath: options.model,
    adapters: options.adapter ? [{ path: options.adapter }] : undefined,
    descriptions: options.descriptions,
    allowBlocked: true,
    continueOnError: true,
    signal: options.signal,
    onAnswer: (index) => options.onAnswer?.(index),
  });
  return results.map((result) => result.blocked);
}
