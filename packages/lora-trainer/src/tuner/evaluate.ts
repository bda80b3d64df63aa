import type { Tensor2D } from "@tensorflow/tfjs";
import type { TokenBatch } from "../data/TokenBatch.js";
import { nextTokenLoss } from "../lora/nextTokenLoss.js";
import type { Trainable } from "./Trainable.js";

/** Loss targets of a batch: mask entries at positions 1.. (position 0 is never predicted). */
export function targetCount(batch: TokenBatch): number {
  let count = 0;
  for (let i = 0; i < batch.lossMask.length; i++) if (i % batch.seqLen !== 0) count += batch.lossMask[i]!;
  return count;
}

/** Batch ids and mask as tensors [B, T]; the caller disposes them. */
export function batchTensors(trainable: Trainable, batch: TokenBatch): { ids: Tensor2D; mask: Tensor2D } {
  const { tf } = trainable;
  const shape: [number, number] = [batch.batchSize, batch.seqLen];
  return { ids: tf.tensor2d(batch.ids, shape, "int32"), mask: tf.tensor2d(batch.lossMask, shape, "float32") };
}

/** Mean next-token loss over every target token of `batches` (token-weighted), without dropout. */
export function evaluateLoss(trainable: Trainable, batches: readonly TokenBatch[]): number {
  const { tf } = trainable;
  let total = 0;
  let targets = 0;
  for (const batch of batches) {
    const count = targetCount(batch);
    if (count === 0) continue;
    const { ids, mask } = batchTensors(trainable, batch);
    const loss = tf.tidy(() => nextTokenLoss(tf, trainable.forward(ids), ids, mask));
    total += loss.dataSync()[0]! * count;
    targets += count;
    tf.dispose([ids, mask, loss]);
  }
  return targets === 0 ? Number.NaN : total / targets;
}
