/**
 * The options of the exact path (compiler choices that the source does not show, measured instead) resolved once
 * against a CPU profile, with the scratch buffers the kernels share, so each kernel file stays a plain function.
 */
import { halfToFloatTable } from "@nomen/gguf";
import type { GgmlCpuProfile } from "./ggmlCpuProfile.js";
import { ggmlVExpf, ggmlVExpfAvx2, libmExpf } from "./ggmlExpf.js";

/** Compiler/ISA details not visible in the source; defaults are the ones measured to match (see the parity test). */
export interface GgmlCpuOptions {
  /** RoPE `x0*cos - x1*sin`, contracted by GCC into an FMA or not. */
  ropeContraction?: "none" | "first" | "second";
  /** The scalar tail of ggml_vec_dot_f32 (`sumf += x[i]*y[i]`), contracted into an FMA or not. */
  dotTailFma?: boolean;
  /** vdpbf16ps: which of a lane's two products is added first, or both in one rounding. */
  dpbf16?: "odd-first" | "even-first" | "fused";
  /** Ablation: "float64" computes every dot product exactly and rounds once (the order-free ideal). */
  dotOrder?: "ggml" | "float64";
  /** Ablation: "libm" uses a correctly rounded expf in softmax and SiLU instead of ggml's polynomial. */
  expf?: "ggml" | "libm";
  /** Micro-batch sizes llama.cpp evaluated the tokens in (they must add up to the token count); default 512 each. */
  ubatches?: readonly number[];
}

/** A profile with its options resolved to defaults, plus shared scratch (the emulation is single-threaded). */
export interface GgmlCpuContext {
  readonly profile: GgmlCpuProfile;
  readonly ropeContraction: "none" | "first" | "second";
  readonly dotTailFma: boolean;
  readonly dpbf16: "odd-first" | "even-first" | "fused";
  readonly exactDots: boolean;
  /** The expf of SIMD blocks in softmax and SiLU. */
  readonly vExpf: (x: number) => number;
  /** F16 bits → float32 value. */
  readonly half: Float32Array;
  /** One vector register's lanes; scratch that never outlives a kernel call. */
  readonly lanes: Float64Array;
  /** Four accumulator registers (GGML_F32_ARR); scratch like `lanes`. */
  readonly blocks: Float64Array[];
}

/** Resolves `options` against `profile`. Defaults: ropeContraction "first", dotTailFma false, dpbf16 "odd-first". */
export function ggmlCpuContext(profile: GgmlCpuProfile, options: GgmlCpuOptions = {}): GgmlCpuContext {
  return {
    profile,
    ropeContraction: options.ropeContraction ?? "first",
    exactDots: options.dotOrder === "float64",
    vExpf: options.expf === "libm" ? libmExpf : profile.lanes === 8 ? ggmlVExpfAvx2 : ggmlVExpf,
    dotTailFma: options.dotTailFma ?? false,
    dpbf16: options.dpbf16 ?? "odd-first",
    half: halfToFloatTable(),
    lanes: new Float64Array(16),
    blocks: Array.from({ length: 4 }, () => new Float64Array(16)),
  };
}
