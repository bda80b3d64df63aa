import type { Tokenizer } from "@nomen/core-tokenizer";
import type { TokenBatch } from "@nomen/lora-trainer";
// Every assistant turn starts with it; the next token is the decision: `]` refuses, `"` starts the first name.
import { DECISION_PREFIX } from "@nomen/metal-runtime";

/** Options for {@link weightDecisionTokens}. */
export interface WeightDecisionTokensOptions {
  /** Changed in place. */
  batches: TokenBatch[];
  tokenizer: Tokenizer;
  /** The id the batches are padded with (`PreparedDataset.padId`). */
  padId: number;
  /** Cut batches keep a length that is a multiple of this, as `prepareDataset` padded them. Defaults to 1. */
  padMultiple?: number;
  /** Loss weight of each answer's decision token. */
  weight: number;
  /**
   * Loss weight of every other answer token. Defaults to 1. At 0 only the decisions train, and each batch is cut
   * after its last decision (a third of the tokens: the names are never read).
   */
  answerWeight?: number;
}

/**
 * Reweights each answer's decision token (the token after {@link DECISION_PREFIX}) against the rest of the answer.
 * Why: that one token decides refuse-or-answer, and among ~120 answer tokens its gradient is drowned by the names'.
 * Returns how many decision tokens were weighted (one per row that holds the prefix in its loss region).
 */
export function weightDecisionTokens(options: WeightDecisionTokensOptions): number {
  const { batches, padId, padMultiple = 1, weight, answerWeight = 1 } = options;
  const prefix = options.tokenizer.encode(DECISION_PREFIX);
  let weighted = 0;
  batches.forEach((batch, b) => {
    let longest = 0;
    for (let row = 0; row < batch.batchSize; row++) {
      const start = row * batch.seqLen;
      const at = findInRow(batch, start, prefix);
      const decision = at === undefined ? -1 : at + prefix.length;
      const hasDecision = decision >= 0 && decision < start + batch.seqLen && batch.lossMask[decision] !== 0;
      if (answerWeight !== 1)
        for (let i = start; i < start + batch.seqLen; i++)
          if (batch.lossMask[i] !== 0) batch.lossMask[i] = answerWeight;
      if (!hasDecision) continue;
      batch.lossMask[decision] = weight;
      longest = Math.max(longest, decision - start + 1);
      weighted++;
    }
    if (answerWeight === 0) batches[b] = cutAfter(batch, Math.ceil(longest / padMultiple) * padMultiple, padId);
  });
  return weighted;
}

/** Index of `needle`'s first occurrence inside the loss region of one row (the prompt never counts). */
function findInRow(batch: TokenBatch, start: number, needle: readonly number[]): number | undefined {
  const end = start + batch.seqLen - needle.length;
  outer: for (let i = start; i <= end; i++) {
    if (batch.lossMask[i] === 0) continue;
    for (let k = 0; k < needle.length; k++) if (batch.ids[i + k] !== needle[k]) continue outer;
    return i;
  }
  return undefined;
}

/** The batch's first `seqLen` positions of every row (causal attention: earlier positions do not change). */
function cutAfter(batch: TokenBatch, seqLen: number, padId: number): TokenBatch {
  if (seqLen >= batch.seqLen || seqLen === 0) return batch;
  const ids = new Int32Array(batch.batchSize * seqLen);
  const lossMask = new Float32Array(batch.batchSize * seqLen);
  let tokens = 0;
  for (let row = 0; row < batch.batchSize; row++) {
    ids.set(batch.ids.subarray(row * batch.seqLen, row * batch.seqLen + seqLen), row * seqLen);
    lossMask.set(batch.lossMask.subarray(row * batch.seqLen, row * batch.seqLen + seqLen), row * seqLen);
  }
  for (const id of ids) if (id !== padId) tokens++;
  return { ...batch, seqLen, ids, lossMask, tokens };
}
