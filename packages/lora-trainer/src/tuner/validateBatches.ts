import type { TokenBatch } from "../data/TokenBatch.js";
import { TrainingConfigError } from "../errors.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";

/** Checks every batch before the first step (shapes, ids in the vocabulary, length ≤ context); lists every problem. */
export function validateBatches(
  config: DecoderConfig,
  train: readonly TokenBatch[],
  validation: readonly TokenBatch[],
): void {
  if (train.length === 0) throw new TrainingConfigError("train: no training batches. Hint: is the dataset empty?");
  const problems: string[] = [];
  const check = (batch: TokenBatch, where: string) => {
    const size = batch.batchSize * batch.seqLen;
    if (!(batch.batchSize >= 1 && batch.seqLen >= 2))
      problems.push(`${where}: expected batchSize ≥ 1 and seqLen ≥ 2, got ${batch.batchSize}×${batch.seqLen}`);
    if (batch.ids.length !== size || batch.lossMask.length !== size)
      problems.push(
        `${where}: ids/lossMask hold ${batch.ids.length}/${batch.lossMask.length} values, expected ${size}`,
      );
    if (batch.seqLen > config.contextLength)
      problems.push(`${where}: seqLen ${batch.seqLen} exceeds the context length ${config.contextLength}`);
    const bad = batch.ids.findIndex((id) => id < 0 || id >= config.vocabSize);
    if (bad >= 0)
      problems.push(`${where}: ids[${bad}] = ${batch.ids[bad]} is outside the vocabulary [0, ${config.vocabSize})`);
  };
  for (const [i, b] of train.entries()) check(b, `train batch ${i}`);
  for (const [i, b] of validation.entries()) check(b, `validation batch ${i}`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join("; ");
    throw new TrainingConfigError(`${problems.length} bad batch(es): ${shown}${problems.length > 10 ? "; …" : ""}`);
  }
}
