import { applyChatTemplate, type Tokenizer } from "@nomen/core-tokenizer";
import { EmptyDatasetError, InvalidInputError } from "../errors.js";
import type { ChatExample } from "./parseExamples.js";
import type { TokenizedExample } from "./TokenBatch.js";

/** What to do with an example longer than `maxLength` tokens. */
export type OverflowPolicy = "truncate" | "skip";

/** Options for {@link tokenizeExamples}. */
export interface TokenizeExamplesOptions {
  tokenizer: Tokenizer;
  /** Longest example in tokens, usually the model's context length (or less, to save memory). */
  maxLength: number;
  /** Longer examples are cut to `maxLength` ("truncate", keeping the start) or dropped ("skip"). Defaults to "truncate". */
  overflow?: OverflowPolicy;
  /** Train on every token (prompt too), not only the assistant's answers. Defaults to false. */
  includePrompt?: boolean;
}

/** Counts from {@link tokenizeExamples}. */
export interface TokenizeReport {
  /** Examples given. */
  examples: number;
  /** Examples returned. */
  kept: number;
  /** Examples longer than `maxLength` that were cut. */
  truncated: number;
  /** Examples dropped: too long with overflow "skip", or no loss target left after truncation. */
  skipped: number;
  /** Where each truncated or skipped example came from ("file:line"), in input order. */
  overflowed: string[];
  longest: number;
  tokens: number;
  /** Tokens the loss counts (mask 1). */
  targetTokens: number;
}

/** Tokenized examples plus the report. */
export interface TokenizedDataset {
  examples: TokenizedExample[];
  report: TokenizeReport;
}

/**
 * Renders each conversation with core-tokenizer's ChatML template and marks loss targets: the assistants' answers
 * and their closing `<|im_end|>` (completion-only loss), or every token but the first with `includePrompt`.
 * An example whose targets were all cut away by truncation is skipped rather than kept as a loss-free row.
 * @throws EmptyDatasetError when no example is left.
 */
export function tokenizeExamples(examples: readonly ChatExample[], options: TokenizeExamplesOptions): TokenizedDataset {
  const { tokenizer, maxLength, overflow = "truncate", includePrompt = false } = options;
  if (!Number.isInteger(maxLength) || maxLength < 2) {
    throw new InvalidInputError(`maxLength must be an integer ≥ 2 (one input and one target), got ${maxLength}`);
  }
  const report: TokenizeReport = {
    examples: examples.length,
    kept: 0,
    truncated: 0,
    skipped: 0,
    overflowed: [],
    longest: 0,
    tokens: 0,
    targetTokens: 0,
  };
  const out: TokenizedExample[] = [];
  for (const example of examples) {
    const { ids, assistantMask } = applyChatTemplate(tokenizer, example.messages);
    let length = ids.length;
    if (length > maxLength) {
      report.overflowed.push(`${example.file}:${example.line} (${length} tokens)`);
      if (overflow === "skip") {
        report.skipped++;
        continue;
      }
      report.truncated++;
      length = maxLength;
    }
    const lossMask = includePrompt
      ? new Uint8Array(length).fill(1, 1)
      : Uint8Array.from(assistantMask.subarray(0, length));
    const targets = lossMask.reduce((n, m) => n + m, 0);
    if (targets === 0) {
      report.skipped++;
      if (length === ids.length) report.overflowed.push(`${example.file}:${example.line} (no target tokens)`);
      else report.truncated--;
      continue;
    }
    out.push({ ids: Int32Array.from(ids.slice(0, length)), lossMask });
    report.kept++;
    report.longest = Math.max(report.longest, length);
    report.tokens += length;
    report.targetTokens += targets;
  }
  if (out.length === 0) {
    throw new EmptyDatasetError(
      `none of the ${examples.length} example(s) is left after tokenizing (${report.skipped} skipped). ` +
        `Hint: raise maxLength (${maxLength}) or use overflow "truncate".`,
    );
  }
  return { examples: out, report };
}
