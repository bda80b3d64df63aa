import type { Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import { NonFiniteError } from "../errors.js";
import type { NamedVariable } from "./AdamW.js";

/** The first NaN/Inf a micro-batch produced, to be turned into a {@link NonFiniteError}. */
export interface NonFiniteFinding {
  tensorName: string;
  value: number;
  toError(step: number, batchIndex: number): NonFiniteError;
}

/**
 * Names the first non-finite tensor of a micro-batch: a parameter (when the loss is not finite because a weight
 * already is), a gradient "grad(<param>)", or "loss" itself (logits overflowed). One sum per tensor (NaN and ±Inf
 * survive a sum under IEEE rules, unlike max on some kernels), read back in one transfer.
 */
export async function findNonFinite(
  tf: Tf,
  loss: number,
  parameters: readonly NamedVariable[],
  grads: readonly Tensor[],
): Promise<NonFiniteFinding | undefined> {
  const sums = async (tensors: readonly Tensor[]) => {
    const stacked = tf.tidy(() => tf.stack(tensors.map((t) => t.sum())));
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    return values;
  };
  const finding = (tensorName: string, value: number): NonFiniteFinding => ({
    tensorName,
    value,
    toError: (step, batchIndex) => new NonFiniteError(step, batchIndex, tensorName, value),
  });
  if (!Number.isFinite(loss)) {
    const values = await sums(parameters.map((p) => p.variable));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    return bad >= 0 ? finding(parameters[bad]!.name, values[bad]!) : finding("loss", loss);
  }
  const values = await sums(grads);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  return bad >= 0 ? finding(`grad(${parameters[bad]!.name})`, values[bad]!) : undefined;
}
