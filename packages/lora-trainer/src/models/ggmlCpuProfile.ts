/**
 * Which ggml-cpu build runs. ggml loads the best `libggml-cpu-<variant>.so` for the CPU, and the variant decides the
 * float32 bits: its SIMD width sets tinyBLAS's accumulation lanes, and AVX512-BF16 changes how BF16 products pair up.
 */

/**
 * What of a ggml-cpu variant changes the arithmetic: the SIMD width (tinyBLAS lanes) and whether BF16 dot products
 * use AVX512-BF16 `vdpbf16ps`.
 */
export interface GgmlCpuProfile {
  /** 16 for AVX-512 variants (skylakex, icelake, zen4, …), 8 for AVX2 ones (haswell, alderlake). */
  lanes: 8 | 16;
  /** AVX512-BF16 (zen4, cooperlake, sapphirerapids): BF16 matmuls pair elements per lane with vdpbf16ps. */
  avx512bf16: boolean;
}

/**
 * The profile of a ggml-cpu variant name as in `libggml-cpu-<name>.so`; undefined when not modelled (sse42, x64,
 * sandybridge, ivybridge, piledriver: no AVX2+FMA). Measured against llama.cpp by loading each variant alone on an
 * AMD EPYC with Zen 4 features (src/parity/ggmlCpuVariants.slow.test.ts): zen4, cooperlake, skylakex, cannonlake,
 * cascadelake, icelake, haswell. alderlake and sapphirerapids (not loadable there) are modelled from the source only.
 */
export function ggmlCpuProfile(variant: string): GgmlCpuProfile | undefined {
  if (["zen4", "cooperlake", "sapphirerapids"].includes(variant)) return { lanes: 16, avx512bf16: true };
  if (["skylakex", "cannonlake", "cascadelake", "icelake"].includes(variant)) return { lanes: 16, avx512bf16: false };
  if (["haswell", "alderlake"].includes(variant)) return { lanes: 8, avx512bf16: false };
  return undefined;
}
