/**
 * A float32 re-enactment of llama.cpp's CPU graph for Llama/Qwen2 (ggml-cpu as node-llama-cpp 3.21.1 ships it,
 * llama.cpp release v0.4.0), written to reproduce its bits rather than its speed. This module gathers the exact
 * path's public names; the code lives in one file per pipeline stage (below).
 *
 * Why it exists: with F16, BF16 or Q8_0 weights ggml rounds every matmul input to that type (its `vec_dot_type`). A
 * value that lands within float32 noise of a rounding midpoint rounds one way in ggml and the other way in any engine
 * that computed it in a different order, and one such flip moves a log-prob by 1e-3 to 1e-1 (a 2^-11 relative step
 * for F16 times weights of size ~3). So matching llama.cpp to 1e-4 on such files needs every op upstream of every
 * rounding to produce ggml's exact float32 bits: the accumulation order of each dot product (tinyBLAS lanes or
 * ggml_vec_dot_*), fused multiply-adds, RMS norm's double sum, ggml's own expf polynomial in softmax and SiLU, RoPE's
 * float32 angle recurrence with glibc's cosf/sinf, and the micro-batch split (1-token batches take other kernels).
 * Everything follows the source files named in the comments; the options hold the few compiler choices that were
 * measured instead (see the README and src/parity/).
 *
 * Scope: F32, F16, BF16 and Q8_0 weights (not K-quants), LoRA adapters, one sequence from position 0, flash
 * attention off, F32 KV cache — the parity-test settings; any thread count gives the same bits.
 *
 * Stages: ggmlCpuProfile (CPU variant) → ggmlCpuContext (options) → ggmlWeights / ggmlWeightsFromDecoder / ggmlLora
 * (weights) → ggmlMath, ggmlExpf (float32 primitives) → ggmlVecDot, ggmlTinyBlas, ggmlQ8, ggmlMatmul (matmuls) →
 * ggmlRope, ggmlAttention, ggmlRowOps (other ops) → ggmlUbatchLogits (one micro-batch) → GgmlCpuSession (steps,
 * greedy) → ggmlCpuLogits (a sequence) → openGgmlCpuModel (a GGUF file).
 */
export { GgmlCpuSession } from "./GgmlCpuSession.js";
export type { GgmlCpuOptions } from "./ggmlCpuContext.js";
export { ggmlCpuLogits } from "./ggmlCpuLogits.js";
export { type GgmlCpuProfile, ggmlCpuProfile } from "./ggmlCpuProfile.js";
export { ggmlVExpf, ggmlVExpfAvx2 } from "./ggmlExpf.js";
export { withGgufLora } from "./ggmlLora.js";
export { fma32, logSoftmax } from "./ggmlMath.js";
export {
  type GgmlLayer,
  type GgmlLora,
  type GgmlMatrix,
  type GgmlProjection,
  type GgmlWeights,
  ggmlWeightsFromSource,
} from "./ggmlWeights.js";
export { ggmlWeightsFromDecoder } from "./ggmlWeightsFromDecoder.js";
export { type GgmlCpuModel, openGgmlCpuModel } from "./openGgmlCpuModel.js";
