import type { Tensor2D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";

/**
 * How ggml's CPU backend rounds the activations it multiplies by a weight of a given type (its `vec_dot_type`):
 * F16 weights → activations rounded to F16, BF16 → BF16, Q8_0 → activations quantized to Q8_0 blocks of 32.
 * Reproducing it brings Q8_0 files to ~2e-6 of llama.cpp (from ~0.1) and most F16/BF16 positions to ~1e-6; the rest
 * of F16/BF16 (an input within float32 noise of a rounding midpoint) needs ggml's exact float32 bits: ggmlCpuForward.ts.
 */
export type GgmlActivationRounding = "f16" | "bf16" | "q8_0";

const GGML_F16 = 1;
const GGML_Q8_0 = 8;
const GGML_BF16 = 30;

/** The rounding llama.cpp applies to inputs of a matmul with a weight of this ggml type; undefined = none (F32). */
export function activationRoundingFor(ggmlType: number): GgmlActivationRounding | undefined {
  if (ggmlType === GGML_F16) return "f16";
  if (ggmlType === GGML_BF16) return "bf16";
  if (ggmlType === GGML_Q8_0) return "q8_0";
  return undefined;
}

/** x [N, in] rounded as ggml would before the dot product. Gradients pass straight through (d/dx = identity). */
export function roundActivations(tf: Tf, x: Tensor2D, rounding: GgmlActivationRounding): Tensor2D {
  const straightThrough = tf.customGrad((input) => ({
    value: roundedValue(tf, input as Tensor2D, rounding),
    gradFunc: (dy) => dy,
  }));
  return straightThrough(x) as Tensor2D;
}

function roundedValue(tf: Tf, x: Tensor2D, rounding: GgmlActivationRounding): Tensor2D {
  if (rounding === "f16") return roundSignificand(x, 11);
  if (rounding === "bf16") return roundSignificand(x, 8);
  // Q8_0 (ggml-cpu quantize_row_q8_0, AVX2): per block of 32, q = round_half_even(x · 127/amax), x' = q · fp16(amax/127).
  const [rows, cols] = x.shape;
  const blocks = x.reshape([rows, cols / 32, 32]);
  const amax = blocks.abs().max(-1, true);
  const inverse = tf.where(amax.greater(0), tf.div(127, amax), tf.zerosLike(amax));
  const quantized = blocks.mul(inverse).round();
  const scale = roundSignificand(amax.div(127).reshape([-1, 1]) as Tensor2D, 11).reshape(amax.shape);
  return quantized.mul(scale).reshape([rows, cols]) as Tensor2D;
}

/**
 * Round-to-nearest to `bits` significant bits with Veltkamp splitting in float32 arithmetic
 * (c = x·(2^(24−bits)+1); hi = c − (c − x)). Exact for the normal range of the target format.
 */
function roundSignificand(x: Tensor2D, bits: number): Tensor2D {
  const c = x.mul(2 ** (24 - bits) + 1);
  return c.sub(c.sub(x)) as Tensor2D;
}
