import type { Scalar, Tensor2D, Tensor3D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";

/**
 * Mean next-token cross-entropy (nats): position t predicts tokens[t+1]. `mask` [B, T] (1 = count, 0 = skip) marks
 * which *target* tokens count, e.g. only the assistant's answer, not the prompt or padding; position 0 is never a target.
 * Uses logSoftmax (its gradient is cheap on wasm) and a gather at flat indices, not a one-hot over the vocabulary
 * (wasm's gather with batchDims reads out of bounds in tfjs 4.22).
 * Call inside a gradient function or `tf.tidy`.
 */
export function nextTokenLoss(tf: Tf, logits: Tensor3D, tokens: Tensor2D, mask?: Tensor2D): Scalar {
  const [batch, steps, vocab] = logits.shape;
  const predictions = tf.logSoftmax(logits.slice([0, 0, 0], [batch, steps - 1, vocab]).reshape([-1, vocab])); // [B·(T−1), V]
  const count = batch * (steps - 1);
  const targets = tokens
    .slice([0, 1], [batch, steps - 1])
    .reshape([-1])
    .toInt(); // [B·(T−1)]
  const flat = tf.range(0, count, 1, "int32").mul(tf.scalar(vocab, "int32")).add(targets); // row·V + target
  const picked = tf.gather(predictions.reshape([-1]), flat); // log p(target), [B·(T−1)]
  const weights = mask
    ? mask
        .slice([0, 1], [batch, steps - 1])
        .reshape([-1])
        .toFloat()
    : tf.onesLike(picked);
  return picked.mul(weights).sum().neg().div(tf.maximum(weights.sum(), 1)) as Scalar;
}
