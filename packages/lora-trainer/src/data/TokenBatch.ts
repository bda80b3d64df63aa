/**
 * One training batch, row-major [batchSize, seqLen], right-padded. With right padding and causal attention a real
 * token never attends to padding, so no attention mask is needed: padding only has to be excluded from the loss.
 * The contract between the data pipeline (`data/`) and the training loop (`tuner/`).
 */
export interface TokenBatch {
  batchSize: number;
  seqLen: number;
  /** Token ids [B·T]; padded positions hold the pad id. */
  ids: Int32Array;
  /** [B·T]: 1 where the token is a loss target (e.g. assistant tokens), 0 for prompt and padding. */
  lossMask: Float32Array;
  /** Non-padding tokens in the batch (for tokens/s). */
  tokens: number;
}

/** One tokenized example before batching. */
export interface TokenizedExample {
  ids: Int32Array;
  /** 1 where the token is a loss target. Same length as `ids`. */
  lossMask: Uint8Array;
}
