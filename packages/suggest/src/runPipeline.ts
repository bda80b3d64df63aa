import { BLOCKED_RESPONSE, type BlockedResponse } from "@nomen/guard";
import {
  type GeneratedSuggestion,
  GenerationTimeoutError,
  markTiming,
  type SuggestionGenerator,
} from "@nomen/metal-runtime";
import type { BuildMessagesOptions } from "./buildMessages.js";
import type { ResolvedRequest } from "./request.js";
import { checkDomain, type DropReason, type ValidateDomain } from "./stages/checkDomain.js";
import { fitPrompt, itemsPerRound } from "./stages/fitPrompt.js";
import type { OutputFilter } from "./stages/outputFilter.js";
import { type Candidate, rankSuggestions } from "./stages/rankSuggestions.js";
import type { ShorteningStep } from "./stages/shortenDescription.js";

/** One ranked suggestion, as both apps return it. */
export interface Suggestion {
  domain: string;
  /** Model confidence in [0, 1]: calibrated when the generator has a calibrator, else the raw token probability. */
  confidence: number;
}

/** The pipeline's answer: exactly the keys the API returns. */
export type SuggestResponse = { suggestions: Suggestion[]; status: "success" } | BlockedResponse;

/** Checks availability of one domain; `@nomen/domains`' `AvailabilityChecker` fits. */
export interface AvailabilityLookup {
  check(domain: string, options: { signal?: AbortSignal }): Promise<{ state: string }>;
}

/** Everything the pipeline uses, injected so each stage can be swapped or faked. */
export interface PipelineDeps extends BuildMessagesOptions {
  generator: SuggestionGenerator;
  inputGuard: (text: string) => { allowed: boolean };
  validate: ValidateDomain;
  outputFilter: OutputFilter;
  availability?: AvailabilityLookup;
  /** Generation rounds to fill `count` when filters drop names. */
  maxRounds: number;
  temperature: number;
  /** Answer budget per round; lowered when prompt + answer would not fit the model's context. */
  maxTokens: number;
  timeoutMs: number;
  /** Return the blocked response when the model itself refuses. */
  trustModelRefusals: boolean;
  /** Seed of the first round (later rounds add 1). Random when undefined. */
  seed?: number;
}

/** Counters for one run, for logs and tests. */
export interface PipelineStats {
  rounds: number;
  generated: number;
  tokens: number;
  dropped: Partial<Record<DropReason | "guard" | "duplicate" | "taken", number>>;
  /** The prompt as generated: its length in tokens (when the generator can count them), the answer budget, and how the description was shortened to fit the context. */
  prompt?: { tokens?: number; maxTokens: number; shortened: ShorteningStep };
}

/** Options for {@link runPipeline}. */
export interface RunPipelineOptions {
  /** The stages and settings (what `createSuggester` builds from its options). */
  deps: PipelineDeps;
  /** Aborts generation and availability checks. Defaults to none. */
  signal?: AbortSignal;
  /** Receives each suggestion as soon as it passed every per-item stage. Defaults to a no-op. */
  onSuggestion?: (suggestion: Suggestion) => void;
  /** Filled with this run's counters. Defaults to a fresh, discarded object. */
  stats?: PipelineStats;
}

/**
 * input guard → prompt → generate (grammar-constrained, streamed) → normalize and validate → output
 * guard → dedupe → optional availability → rank. `onSuggestion` receives each suggestion that passed
 * every per-item stage, as soon as it did (ranking needs the whole list, so the final order comes last).
 */
export async function runPipeline(request: ResolvedRequest, options: RunPipelineOptions): Promise<SuggestResponse> {
  const { deps, signal } = options;
  const emit = options.onSuggestion ?? (() => {});
  const stats = options.stats ?? { rounds: 0, generated: 0, tokens: 0, dropped: {} };
  signal?.throwIfAborted();
  markTiming("pipeline:start");
  if (!deps.inputGuard(request.description).allowed) return done(BLOCKED_RESPONSE);
  markTiming("pipeline:input-guard");
  // The guard and the ranking see the whole description; only the prompt is fitted to the model's context.
  const { messages, maxTokens, promptTokens, shortened } = fitPrompt(request, deps);
  stats.prompt = { tokens: promptTokens, maxTokens, shortened };
  markTiming("pipeline:prompt", { tokens: promptTokens ?? -1, maxTokens, shortened });
  const kept: Candidate[] = [];
  const seen = new Set<string>();
  const drop = (reason: keyof PipelineStats["dropped"]) => {
    stats.dropped[reason] = (stats.dropped[reason] ?? 0) + 1;
  };
  const started = performance.now();
  let pending: Promise<void> = Promise.resolve();
  // Time spent on generated names outside the generator (validation, output guard, availability).
  let checkMs = 0;

  const accept = async (item: GeneratedSuggestion, enough: AbortController) => {
    const begun = performance.now();
    try {
      await acceptChecked(item, enough);
    } finally {
      checkMs += performance.now() - begun;
    }
  };

  const acceptChecked = async (item: GeneratedSuggestion, enough: AbortController) => {
    const checked = checkDomain(item.domain, request, deps.validate);
    if (!checked.ok) return drop(checked.reason);
    if (seen.has(checked.domain)) return drop("duplicate");
    seen.add(checked.domain);
    if (!(await deps.outputFilter(checked.domain, checked.label))) return drop("guard");
    if (request.checkAvailability && deps.availability) {
      const { state } = await deps.availability.check(checked.domain, { signal });
      if (state === "taken") return drop("taken");
    }
    if (kept.length >= request.count) return;
    kept.push({ domain: checked.domain, label: checked.label, confidence: item.confidence, order: kept.length });
    emit({ domain: checked.domain, confidence: item.confidence });
    if (kept.length >= request.count) enough.abort();
  };

  for (let round = 0; round < deps.maxRounds && kept.length < request.count; round++) {
    const remainingMs = deps.timeoutMs - (performance.now() - started);
    // Out of time after a productive round: answer with what we have rather than fail.
    if (remainingMs <= 0 && kept.length > 0) break;
    const enough = new AbortController();
    const roundSignal = signal ? AbortSignal.any([signal, enough.signal]) : enough.signal;
    stats.rounds++;
    try {
      const result = await deps.generator.generateSuggestions({
        messages,
        count: itemsPerRound(request.count - kept.length),
        // The model writes at least what is still missing: one round instead of two when it would stop early.
        minCount: request.count - kept.length,
        tlds: request.tlds,
        maxLabelLength: request.maxLength,
        allowHyphens: request.allowHyphens,
        allowDigits: request.allowDigits,
        mustInclude: request.include,
        allowBlocked: deps.trustModelRefusals,
        maxTokens,
        temperature: deps.temperature,
        seed: deps.seed === undefined ? undefined : deps.seed + round,
        timeoutMs: Math.max(1, remainingMs),
        signal: roundSignal,
        onSuggestion: (item) => {
          stats.generated++;
          // Per-item stages run in arrival order, so streamed order is stable.
          pending = pending.then(() => accept(item, enough));
        },
      });
      stats.tokens += result.tokens;
      await pending;
      if (result.blocked && kept.length === 0 && round === 0) return done(BLOCKED_RESPONSE);
    } catch (error) {
      await pending.catch(() => {});
      // We stop a round ourselves once `count` names are in: that abort is expected.
      if (enough.signal.aborted && !signal?.aborted) continue;
      // A later round ran out of time: the names already found are still a good answer.
      if (error instanceof GenerationTimeoutError && kept.length > 0) break;
      throw error;
    }
  }
  markTiming("pipeline:generated", { rounds: stats.rounds, checkMs, availability: request.checkAvailability });
  const ranked = rankSuggestions(kept, request.style, request.description);
  return done({ suggestions: ranked.map(({ domain, confidence }) => ({ domain, confidence })), status: "success" });
}

/** Marks the end of the pipeline on every path (blocked or not) for the timing breakdown. */
function done(response: SuggestResponse): SuggestResponse {
  markTiming("pipeline:done", { status: response.status, suggestions: response.suggestions.length });
  return response;
}
