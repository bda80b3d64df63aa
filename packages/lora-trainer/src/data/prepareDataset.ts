import type { Tokenizer } from "@nomen/core-tokenizer";
import { InvalidInputError } from "../errors.js";
import { makeBatches, splitValidation } from "./batching.js";
import { type DatasetFormat, loadExamples } from "./parseExamples.js";
import type { TokenBatch, TokenizedExample } from "./TokenBatch.js";
import { type OverflowPolicy, type TokenizeReport, tokenizeExamples } from "./tokenizeExamples.js";

/** Options for {@link prepareDataset}. */
export interface PrepareDatasetOptions {
  /** Training JSONL (chat or completion). */
  path: string;
  /** A separate validation JSONL (e.g. mlx-lm's valid.jsonl); otherwise `validationFraction` of `path` is held out. */
  validationPath?: string;
  tokenizer: Tokenizer;
  /** Longest example in tokens (at most the model's context length). */
  maxLength: number;
  /** Defaults to "truncate". */
  overflow?: OverflowPolicy;
  /** Defaults to false (loss on the assistant's answers only). */
  includePrompt?: boolean;
  /** Share held out when there is no `validationPath`. Defaults to 0.1. */
  validationFraction?: number;
  /** Defaults to 1. */
  batchSize?: number;
  /** Defaults to 1. */
  padMultiple?: number;
  /** Seeds the train/validation split. Defaults to 0. The batches come in length order: `train()` shuffles per epoch. */
  seed?: number;
  signal?: AbortSignal;
}

/** Batches ready for the training loop, plus what happened on the way. */
export interface PreparedDataset {
  format: DatasetFormat;
  train: TokenBatch[];
  validation: TokenBatch[];
  trainExamples: TokenizedExample[];
  validationExamples: TokenizedExample[];
  /** Tokenization report of the training file (and of the validation file, when given). */
  report: { train: TokenizeReport; validation?: TokenizeReport };
  padId: number;
}

/**
 * JSONL → validated conversations → ChatML tokens with loss masks → seeded train/validation split → length-sorted,
 * right-padded batches (in length order; `train()` shuffles them per epoch). Every file is validated in full before anything is tokenized.
 * @throws DatasetValidationError, EmptyDatasetError, InvalidInputError (no pad id, bad sizes).
 */
export async function prepareDataset(options: PrepareDatasetOptions): Promise<PreparedDataset> {
  const { tokenizer, maxLength, overflow, includePrompt, seed = 0, batchSize = 1, padMultiple = 1, signal } = options;
  const trainFile = await loadExamples(options.path, { signal });
  const validationFile = options.validationPath ? await loadExamples(options.validationPath, { signal }) : undefined;
  const padId = tokenizer.padId ?? tokenizer.eosId;
  if (padId === null)
    throw new InvalidInputError("the tokenizer has neither a pad nor an eos token to pad batches with");
  const tokenize = (examples: typeof trainFile.examples) =>
    tokenizeExamples(examples, { tokenizer, maxLength, overflow, includePrompt });
  const train = tokenize(trainFile.examples);
  const validationTokens = validationFile ? tokenize(validationFile.examples) : undefined;
  const split = validationTokens
    ? { train: train.examples, validation: validationTokens.examples }
    : splitValidation(train.examples, { fraction: options.validationFraction ?? 0.1, seed });
  const batching = { batchSize, padId, padMultiple, maxLength };
  return {
    format: trainFile.format!,
    train: makeBatches(split.train, batching), // length order: train() owns the per-epoch shuffle, no double shuffle
    validation: makeBatches(split.validation, batching),
    trainExamples: split.train,
    validationExamples: split.validation,
    report: validationTokens ? { train: train.report, validation: validationTokens.report } : { train: train.report },
    padId,
  };
}
