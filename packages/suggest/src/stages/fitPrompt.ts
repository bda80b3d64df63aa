import type { ChatMessage, SuggestionGenerator } from "@nomen/metal-runtime";
import { type BuildMessagesOptions, buildMessages } from "../buildMessages.js";
import { ContextTooSmallError } from "../errors.js";
import type { ResolvedRequest } from "../request.js";
import { type ShorteningStep, shortenDescription } from "./shortenDescription.js";

/** What {@link fitPrompt} needs: the generator (for its tokenizer and context) and the prompt options. */
export interface FitPromptOptions extends BuildMessagesOptions {
  generator: Pick<SuggestionGenerator, "contextSize" | "countPromptTokens" | "promptTokenLimit">;
  /** The answer budget per round the caller would like. */
  maxTokens: number;
}

/** The prompt one request is generated from, fitted to the model's context. */
export interface FittedPrompt {
  messages: ChatMessage[];
  /** Answer budget per round: the requested `maxTokens`, or less when the context is short. */
  maxTokens: number;
  /** Prompt length in the model's tokens; undefined when the generator has no tokenizer here (remote). */
  promptTokens?: number;
  /** How the description was shortened ("none": it is the user's, whole). */
  shortened: ShorteningStep;
}

/** Items one round asks for: what is missing plus a margin of 2 for names the filters drop (as `runPipeline`). */
export function itemsPerRound(count: number): number {
  return Math.min(20, count + 2);
}

/**
 * Tokens an answer with `items` names needs, an upper bound for byte-level and BPE vocabularies alike (one
 * token per ASCII character at most): `{"suggestions":[` + items × (`"` label `.` tld `",`) + `]}`, labels
 * counted at their usual length (16 characters; the request's `maxLength` when shorter).
 */
export function answerTokensFor(request: Pick<ResolvedRequest, "maxLength" | "tlds">, items: number): number {
  const label = Math.min(request.maxLength, 16);
  const tld = Math.max(...request.tlds.map((tld) => tld.length));
  return 20 + items * (label + tld + 4);
}

/**
 * Builds the chat prompt and makes `prompt + maxTokens` fit the generator's context, so an allowed
 * description (up to 2,000 characters) never fails on a small-context model, and to the longest prompt the model
 * was trained on (`generator.promptTokenLimit`, when its GGUF says), so a small model is never asked past what it
 * learned. When the whole prompt fits with `maxTokens` (and the limit), nothing changes. Otherwise the answer
 * budget first gives up its slack down to what the requested count needs ({@link answerTokensFor}), then the
 * description is shortened extractively ({@link shortenDescription}) to fit what is left, measured with the
 * model's own tokenizer. Generators that cannot count tokens (remote engines) get the prompt unchanged. Throws
 * {@link ContextTooSmallError} when not even the system prompt and one word leave room for an answer.
 */
export function fitPrompt(request: ResolvedRequest, options: FitPromptOptions): FittedPrompt {
  const build = (description: string) => buildMessages({ ...request, description }, options);
  const messages = build(request.description);
  const { contextSize, countPromptTokens } = options.generator;
  if (!contextSize || !countPromptTokens) return { messages, maxTokens: options.maxTokens, shortened: "none" };
  const count = (m: ChatMessage[]) => countPromptTokens.call(options.generator, { messages: m });
  const promptTokens = count(messages);
  const limit = options.generator.promptTokenLimit ?? Number.POSITIVE_INFINITY;
  const withinLimit = promptTokens <= limit;
  if (withinLimit && promptTokens + options.maxTokens <= contextSize) {
    return { messages, maxTokens: options.maxTokens, promptTokens, shortened: "none" };
  }
  const needed = Math.min(options.maxTokens, answerTokensFor(request, itemsPerRound(request.count)));
  if (withinLimit && promptTokens + needed <= contextSize) {
    return { messages, maxTokens: contextSize - promptTokens, promptTokens, shortened: "none" };
  }
  const budget = Math.min(contextSize - needed, limit);
  const shortened = shortenDescription(request.description, (text) => count(build(text)) <= budget);
  const fitted = build(shortened.text);
  const fittedTokens = count(fitted);
  const maxTokens = Math.min(options.maxTokens, contextSize - fittedTokens);
  if (maxTokens < 1) {
    throw new ContextTooSmallError(contextSize, fittedTokens);
  }
  return { messages: fitted, maxTokens, promptTokens: fittedTokens, shortened: shortened.step };
}
