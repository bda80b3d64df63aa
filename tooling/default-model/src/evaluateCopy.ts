import { SYSTEM_PROMPT } from "@nomen/dataset-gen";
import { type AdapterSpec, loadRuntime } from "@nomen/metal-runtime";
import type { CopyProbe } from "./copyProbes.js";
import { type CopyOutcome, type CopyReport, scoreCopies } from "./copyRate.js";

/** Options for {@link evaluateCopy}. */
export interface EvaluateCopyOptions {
  /** Base GGUF. */
  modelPath: string;
  /** LoRA adapters to apply. Defaults to none. */
  adapters?: readonly AdapterSpec[];
  probes: readonly CopyProbe[];
  /** Domains asked per probe. Defaults to 5. */
  count?: number;
  /** Defaults to 160 (byte tokens: five ~25-character domains plus the JSON). */
  maxTokens?: number;
  /** Defaults to 0 (greedy). */
  temperature?: number;
  /** Defaults to ["com", "io", "co", "net", "org", "app", "shop"]. */
  tlds?: readonly string[];
  signal?: AbortSignal;
  /** Called after each probe. */
  onOutcome?: (outcome: CopyOutcome & { probe: CopyProbe }) => void;
}

/** What {@link evaluateCopy} measured. */
export interface CopyEvaluation {
  report: CopyReport;
  byKind: Record<CopyProbe["kind"], CopyReport>;
  outcomes: (CopyOutcome & { probe: CopyProbe; text: string })[];
  backend: string;
  seconds: number;
}

/**
 * Runs every probe through llama.cpp (node-llama-cpp, 1 thread, the runtime's suggestion grammar) and scores whether
 * the answer copies the probe's word. The grammar makes every returned domain well-formed; `valid` counts them.
 */
export async function evaluateCopy(options: EvaluateCopyOptions): Promise<CopyEvaluation> {
  const started = performance.now();
  await using runtime = await loadRuntime({ gpu: false, threads: 1 });
  const model = await runtime.loadModel({ modelPath: options.modelPath, signal: options.signal });
  const generator = await model.createGenerator({ adapters: options.adapters, threads: 1, contextSize: 512 });
  const outcomes: CopyEvaluation["outcomes"] = [];
  for (const probe of options.probes) {
    options.signal?.throwIfAborted();
    const result = await generator.generateSuggestions({
      messages: [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: probe.description },
      ],
      count: options.count ?? 5,
      maxTokens: options.maxTokens ?? 160,
      temperature: options.temperature ?? 0,
      tlds: options.tlds ?? ["com", "io", "co", "net", "org", "app", "shop"],
      allowBlocked: false,
      seed: 1,
      signal: options.signal,
    });
    const domains = result.suggestions.map((s) => s.domain);
    const outcome = {
      probe,
      word: probe.word,
      domains,
      parsed: parsesAsAnswer(result.text),
      valid: domains.filter((d) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z]{2,6}){1,2}$/.test(d)).length,
      text: result.text,
    };
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  const kinds = ["invented", "real"] as const;
  return {
    report: scoreCopies(outcomes),
    byKind: Object.fromEntries(
      kinds.map((k) => [k, scoreCopies(outcomes.filter((o) => o.probe.kind === k))]),
    ) as Record<CopyProbe["kind"], CopyReport>,
    outcomes,
    backend: runtime.backend.name,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Whether the raw text is the API's JSON shape: `{"suggestions":[strings]}` (a list cut off by maxTokens is not). */
export function parsesAsAnswer(text: string): boolean {
  try {
    const value = JSON.parse(text) as { suggestions?: unknown };
    return Array.isArray(value.suggestions) && value.suggestions.every((d) => typeof d === "string");
  } catch {
    return false;
  }
}
