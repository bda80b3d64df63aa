import type { GradSaveFunc, Tensor, Tensor2D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import { roundActivations } from "../models/ggmlRounding.js";
import type { DecoderWeights, Linear } from "../models/weights.js";

/**
 * Wᵀ of every frozen projection weight, made once. The backward pass of x·W needs dy·Wᵀ, which tf.matMul's
 * gradient computes with transposeB: on wasm that is an explicit transpose of W plus a fresh XNNPACK packing of it
 * on every step (~8% of a dim-512 LoRA step). With Wᵀ kept, dy·Wᵀ is a plain matmul whose packed operand XNNPACK
 * caches. Costs one more copy of the projection weights (and XNNPACK's packed copy of it), so it is for models
 * whose weights are small next to the heap.
 */
export class TransposedWeights {
  readonly #byWeight = new Map<Tensor2D, Tensor2D>();

  constructor(tf: Tf, weights: DecoderWeights) {
    for (const layer of weights.layers) {
      for (const { weight } of Object.values(layer.projections)) {
        this.#byWeight.set(weight, tf.keep(tf.transpose(weight) as Tensor2D));
      }
    }
  }

  /** Bytes held (float32). */
  get bytes(): number {
    let n = 0;
    for (const t of this.#byWeight.values()) n += t.size * 4;
    return n;
  }

  of(weight: Tensor2D): Tensor2D | undefined {
    return this.#byWeight.get(weight);
  }

  dispose(): void {
    for (const t of this.#byWeight.values()) t.dispose();
    this.#byWeight.clear();
  }
}

/**
 * x [N, in] · W [in, out] + b for a frozen W, with the input gradient dy·Wᵀ taken from `transposed`. ggml rounding
 * of the input (if any) is applied in the forward pass and passed straight through in the backward one, as in
 * `linear`.
 */
export function frozenLinear(tf: Tf, x: Tensor2D, base: Linear, transposed: Tensor2D): Tensor2D {
  const product = tf.customGrad((...args: (Tensor | GradSaveFunc)[]) => {
    const input = args[0] as Tensor2D;
    const rounded = base.rounding ? roundActivations(tf, input, base.rounding) : input;
    return { value: tf.matMul(rounded, base.weight), gradFunc: (dy: Tensor) => tf.matMul(dy as Tensor2D, transposed) };
  });
  const y = product(x) as Tensor2D;
  return base.bias ? (y.add(base.bias) as Tensor2D) : y;
}
