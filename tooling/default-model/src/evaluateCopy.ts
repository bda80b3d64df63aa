import { type AskModelOptions, askModel } from "@nomen/suggest";
import type { CopyProbe } from "./copyProbes.js";
import { type CopyOutcome, type CopyReport, scoreCopies } from "./copyRate.js";

/** Options for {@link evaluateCopy}: the runtime options of `askModel` (@nomen/suggest), with probes. */
export interface EvaluateCopyOptions extends Omit<AskModelOptions, "descriptions" | "onAnswer"> {
  probes: readonly CopyProbe[];
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

const DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z]{2,6}){1,2}$/;

/**
 * The unseen-word copy rate: every probe through llama.cpp with the suggestion grammar, scored by whether some
 * domain copies the probe's word. The grammar makes every domain well-formed; `valid` counts them independently.
 */
export async function evaluateCopy(options: EvaluateCopyOptions): Promise<CopyEvaluation> {
  const { probes, onOutcome, ...runtime } = options;
  const outcomes: CopyEvaluation["outcomes"] = [];
  const { backend, seconds } = await askModel({
    ...runtime,
    descriptions: probes.map((p) => p.description),
    onAnswer: (index, result) => {
      const probe = probes[index]!;
      const domains = result.suggestions.map((s) => s.domain);
      const outcome = {
        probe,
        word: probe.word,
        domains,
        parsed: parsesAsAnswer(result.text),
        valid: domains.filter((d) => DOMAIN.test(d)).length,
        text: result.text,
      };
      outcomes.push(outcome);
      onOutcome?.(outcome);
    },
  });
  const kinds = ["invented", "real"] as const;
  const byKind = Object.fromEntries(
    kinds.map((k) => [k, scoreCopies(outcomes.filter((o) => o.probe.kind === k))]),
  ) as Record<CopyProbe["kind"], CopyReport>;
  return { report: scoreCopies(outcomes), byKind, outcomes, backend, seconds };
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
