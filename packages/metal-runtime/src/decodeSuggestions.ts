import {
  type LlamaContextSequence,
  type LlamaGrammar,
  LlamaGrammarEvaluationState,
  type LlamaModel,
  type Token,
} from "node-llama-cpp";
import type { Calibrate } from "./calibration/calibrator.js";
import type { ResolvedConstraints } from "./grammar/resolveConstraints.js";
import { SuggestionStreamParser } from "./grammar/SuggestionStreamParser.js";
import { refusalTokenBias } from "./refusalDecision.js";
import { SuggestionCollector } from "./SuggestionCollector.js";
import { markTiming } from "./timing.js";
import type { GeneratedSuggestion, GenerationResult } from "./types.js";

/** Everything one constrained decode needs; the caller owns the sequence and the deadline. */
export interface DecodeSuggestionsInput {
  model: LlamaModel;
  sequence: LlamaContextSequence;
  grammar: LlamaGrammar;
  promptTokens: Token[];
  constraints: ResolvedConstraints;
  maxTokens: number;
  temperature: number;
  seed: number;
  signal: AbortSignal;
  calibrate: Calibrate;
  /** Logit added to the refusal where the answer chooses between a list and the blocked answer; 0 is plain argmax. */
  refusalBias: number;
  onSuggestion?: (suggestion: GeneratedSuggestion) => void;
}

/**
 * Samples under the grammar, token by token, and hands each domain to `onSuggestion` the moment its
 * closing quote is sampled. Every token's probability (after the grammar mask and sampler chain) is
 * kept with its character span, so a domain's raw confidence is the geometric mean over its own tokens.
 */
export async function decodeSuggestions(input: DecodeSuggestionsInput): Promise<GenerationResult> {
  const { model, sequence, grammar, maxTokens, signal } = input;
  const parser = new SuggestionStreamParser();
  const collector = new SuggestionCollector(input.constraints, input.calibrate, input.onSuggestion);
  const grammarEvaluationState = new LlamaGrammarEvaluationState({ model, grammar });
  const generated: Token[] = [];
  // Resolved before each token is sampled, after the previous one was parsed.
  const tokenBias =
    input.refusalBias !== 0 && input.constraints.allowBlocked
      ? refusalTokenBias(model, input.refusalBias, () => parser.text)
      : undefined;
  const evaluation = sequence.evaluateWithMetadata(
    input.promptTokens,
    { confidence: true },
    { temperature: input.temperature, seed: input.seed, grammarEvaluationState, tokenBias },
  );
  try {
    for await (const { token, confidence } of evaluation) {
      signal.throwIfAborted();
      // No lastTokens context: the grammar only admits ASCII, and byte-level pieces decode alone (4× cheaper).
      const piece = model.detokenize([token], false);
      generated.push(token);
      // The first token arrives after the whole prompt was evaluated: prompt time vs decode time.
      if (generated.length === 1) markTiming("generate:first-token");
      collector.addToken(parser.text.length, piece.length, confidence);
      for (const item of parser.push(piece)) collector.addItem(item);
      if (generated.length >= maxTokens) break;
    }
  } finally {
    // Also when the caller stopped it (enough names): the end of a generation all the same.
    markTiming("generate:end", { tokens: generated.length, stopped: signal.aborted });
  }
  signal.throwIfAborted();
  const complete = isCompleteList(parser.text);
  return {
    suggestions: collector.suggestions,
    blocked: parser.status() === "blocked",
    text: parser.text,
    tokens: generated.length,
    finishReason: complete ? "stop" : "maxTokens",
  };
}

function isCompleteList(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
