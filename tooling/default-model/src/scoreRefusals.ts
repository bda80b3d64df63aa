import { SYSTEM_PROMPT } from "@nomen/dataset-gen/format";
import { loadRuntime } from "@nomen/metal-runtime";
import { readJsonlRows } from "./jsonl.js";

/** A suite row as the safety, dev-safety and edge-case suites write it (only what scoring reads). */
export interface SuiteRow {
  id: string;
  input: string;
  label?: "blocked" | "allowed";
  expectBlocked?: boolean;
  kind?: string;
  category?: string;
}

/** One scored input: `mustRefuse` from the suite's label, `group` its kind (safety) or category (edge). */
export interface RefusalScore {
  id: string;
  group: string;
  mustRefuse: boolean;
  /** ln p(blocked) − ln p(list) at the decision point; greedy decoding refuses when score + bias > 0. */
  score: number;
}

/** Options for {@link scoreRefusals}. */
export interface ScoreRefusalsOptions {
  modelPath: string;
  /** One LoRA adapter GGUF. Defaults to none. */
  adapter?: string;
  /** JSONL suite files; their rows are scored in order. Defaults to none. */
  suites?: readonly string[];
  /** Rows already in memory, scored after the suites' rows. Defaults to none. */
  rows?: readonly SuiteRow[];
  signal?: AbortSignal;
}

/** Every score (per-group counts at any bias: `refusalsAt`). */
export interface RefusalScores {
  modelPath: string;
  adapter: string | null;
  suites: string[];
  items: RefusalScore[];
  /** Inputs left out because the prompt does not fit the 1,024-token context (as in askModel, they cannot be answered). */
  skipped: number;
  seconds: number;
}

/**
 * Scores each suite input with the model's own refusal log-odds (`LocalGenerator.scoreRefusal`: one prompt
 * evaluation, no decoding), with the training-time system prompt, CPU, 1 thread, a 1,024-token context — as `askModel`
 * asks it, except that inputs too long for the context are skipped (`skipped`) where askModel shortens them.
 */
export async function scoreRefusals(options: ScoreRefusalsOptions): Promise<RefusalScores> {
  const started = performance.now();
  const rows: SuiteRow[] = [];
  for (const suite of options.suites ?? []) rows.push(...(await readJsonlRows<SuiteRow>(suite)));
  rows.push(...(options.rows ?? []));
  await using runtime = await loadRuntime({ gpu: false, threads: 1 });
  const model = await runtime.loadModel({ modelPath: options.modelPath, signal: options.signal });
  const generator = await model.createGenerator({
    adapters: options.adapter ? [{ path: options.adapter }] : undefined,
    threads: 1,
    contextSize: 1024,
  });
  const items: RefusalScore[] = [];
  let skipped = 0;
  for (const row of rows) {
    options.signal?.throwIfAborted();
    const messages = [
      { role: "system" as const, content: SYSTEM_PROMPT },
      { role: "user" as const, content: row.input },
    ];
    // An input longer than the context cannot be scored, as it cannot be answered: it is left out (counted).
    if (generator.countPromptTokens({ messages }) + 32 > generator.contextSize) {
      skipped++;
      continue;
    }
    const score = await generator.scoreRefusal({ messages, signal: options.signal });
    items.push({
      id: row.id,
      group: row.kind ?? row.category ?? "other",
      mustRefuse: row.label === "blocked" || row.expectBlocked === true,
      score,
    });
  }
  return {
    modelPath: options.modelPath,
    adapter: options.adapter ?? null,
    suites: [...(options.suites ?? [])],
    items,
    skipped,
    seconds: (performance.now() - started) / 1000,
  };
}
