/**
 * A float32 re-enactment of llama.cpp's CPU graph for Llama/Qwen2 (ggml-cpu as node-llama-cpp 3.21.1 ships it,
 * llama.cpp release v0.4.0), written to reproduce its bits rather than its speed.
 *
 * Why it exists: with F16, BF16 or Q8_0 weights ggml rounds every matmul input to that type (its `vec_dot_type`). A
 * value that lands within float32 noise of a rounding midpoint rounds one way in ggml and the other way in any engine
 * that computed it in a different order, and one such flip moves a log-prob by 1e-3 to 1e-1 (a 2^-11 relative step
 * for F16 times weights of size ~3). So matching llama.cpp to 1e-4 on such files needs every op upstream of every
 * rounding to produce ggml's exact float32 bits: the accumulation order of each dot product (tinyBLAS lanes or
 * ggml_vec_dot_*), fused multiply-adds, RMS norm's double sum, ggml's own expf polynomial in softmax and SiLU, RoPE's
 * float32 angle recurrence with glibc's cosf/sinf, and the micro-batch split (1-token batches take other kernels).
 * Everything here follows the source files named in the comments; the options hold the few compiler choices that
 * were measured instead (see the README and src/parity/).
 *
 * Scope: F32, F16, BF16 and Q8_0 weights (not K-quants), LoRA adapters, one sequence from position 0, flash
 * attention off, F32 KV cache — the parity-test settings; any thread count gives the same bits.
 */
import { bf16ToFloat, floatToBf16, floatToHalf, halfToFloatTable, openGguf, readTensor } from "@nomen/gguf";
import { InvalidInputError, MissingTensorError, UnsupportedTensorTypeError } from "../errors.js";
import { type DecoderConfig, decoderConfigFromMetadata } from "./DecoderConfig.js";
import type { GgmlActivationRounding } from "./ggmlRounding.js";
import { openGgufSource } from "./ggufSource.js";
import { libmCosf, libmSinf } from "./libmSinCosf.js";
import { ggmlTypeName, type ModelSource } from "./ModelSource.js";
import { type DecoderWeights, type Linear, transpose } from "./weights.js";

const fr = Math.fround;
const F32 = 0;
const F16 = 1;
const Q8_0 = 8;
const BF16 = 30;

/**
 * Which ggml-cpu build runs: ggml loads the best `libggml-cpu-<variant>.so` for the CPU, and the variant fixes the
 * SIMD width (tinyBLAS lanes) and whether BF16 dot products use AVX512-BF16 `vdpbf16ps`.
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

/** One weight matrix in ggml layout: `nOut` rows of `nIn` values (exactly representable in `type`). */
export interface GgmlMatrix {
  data: Float32Array;
  nIn: number;
  nOut: number;
  type: number;
}

export interface GgmlLayer {
  attnNorm: Float32Array;
  ffnNorm: Float32Array;
  q: GgmlMatrix;
  k: GgmlMatrix;
  v: GgmlMatrix;
  o: GgmlMatrix;
  gate: GgmlMatrix;
  up: GgmlMatrix;
  down: GgmlMatrix;
  qBias?: Float32Array;
  kBias?: Float32Array;
  vBias?: Float32Array;
  /** LoRA adapters on projections (llama.cpp's build_lora_mm: W·x + scale·B·(A·x), before the bias). */
  lora?: Partial<Record<GgmlProjection, GgmlLora>>;
}

export type GgmlProjection = "q" | "k" | "v" | "o" | "gate" | "up" | "down";

/** One adapter pair: A is `r` rows of n_in, B is n_out rows of `r` (the GGUF lora_a / lora_b layout). */
export interface GgmlLora {
  a: GgmlMatrix;
  b: GgmlMatrix;
  /** llama.cpp's float32 `adapter_scale · alpha / r` (or `adapter_scale` without alpha). */
  scale: number;
}

export interface GgmlWeights {
  tokenEmbedding: GgmlMatrix;
  /** The head; the same object as `tokenEmbedding` when tied. */
  output: GgmlMatrix;
  outputNorm: Float32Array;
  layers: GgmlLayer[];
}

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

/**
 * Next-token logits [T][V] for one sequence starting at position 0, as ggml-cpu computes them when llama.cpp
 * evaluates it in micro-batches of `options.ubatches` tokens (default: 512 at a time, llama.cpp's n_ubatch) with the
 * earlier ones in the KV cache. A 1-token micro-batch (token-by-token decoding) takes ggml_vec_dot kernels instead of
 * tinyBLAS, so its bits differ from the same position evaluated in a longer batch.
 */
export function ggmlCpuLogits(
  config: DecoderConfig,
  weights: GgmlWeights,
  tokens: readonly number[],
  profile: GgmlCpuProfile,
  options: GgmlCpuOptions = {},
): Float32Array[] {
  const sizes =
    options.ubatches ??
    Array.from({ length: Math.ceil(tokens.length / 512) }, (_, i) => Math.min(512, tokens.length - 512 * i));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || sizes.reduce((a, b) => a + b, 0) !== tokens.length) {
    throw new InvalidInputError(`ubatches [${sizes}] must be positive and add up to ${tokens.length} tokens`);
  }
  const session = new GgmlCpuSession(config, weights, profile, options);
  const logits: Float32Array[] = [];
  let start = 0;
  for (const n of sizes) {
    logits.push(...session.evaluate(tokens.slice(start, start + n)));
    start += n;
  }
  return logits;
}

/**
 * One llama.cpp sequence, step by step: each {@link GgmlCpuSession.evaluate} call is one micro-batch appended after
 * the cached positions, as `sequence.evaluate` / `controlledEvaluate` feed llama.cpp (prompt in one batch, then one
 * token per generated token), so greedy decoding reproduces llama.cpp's bits and tokens.
 */
export class GgmlCpuSession {
  readonly #ctx: Ctx;
  readonly #cache: KvRows[];
  #length = 0;

  constructor(
    readonly config: DecoderConfig,
    readonly weights: GgmlWeights,
    profile: GgmlCpuProfile,
    options: GgmlCpuOptions = {},
  ) {
    this.#ctx = new Ctx(profile, options);
    this.#cache = weights.layers.map(() => ({ k: [], v: [] }));
  }

  /** Positions evaluated so far. */
  get length(): number {
    return this.#length;
  }

  /** Logits [n][V] for `tokens` as one micro-batch (llama.cpp splits more than 512 into several: so do we). */
  evaluate(tokens: readonly number[]): Float32Array[] {
    const { vocabSize } = this.config;
    const bad = tokens.findIndex((t) => !Number.isInteger(t) || t < 0 || t >= vocabSize);
    if (bad >= 0) throw new InvalidInputError(`token ${tokens[bad]} is outside the vocabulary [0, ${vocabSize})`);
    const logits: Float32Array[] = [];
    for (let i = 0; i < tokens.length; i += 512) {
      const batch = tokens.slice(i, i + 512);
      logits.push(...ubatchLogits(this.#ctx, this.config, this.weights, batch, this.#length, this.#cache));
      this.#length += batch.length;
    }
    return logits;
  }

  /** Greedy continuation: evaluates `prompt`, then feeds back the argmax one token at a time, up to `maxTokens`. */
  greedy(prompt: readonly number[], maxTokens: number, stop: readonly number[] = []): number[] {
    let logits = this.evaluate(prompt).at(-1)!;
    const out: number[] = [];
    while (out.length < maxTokens) {
      let best = 0;
      for (let i = 1; i < logits.length; i++) if ((logits[i] as number) > (logits[best] as number)) best = i;
      out.push(best);
      if (stop.includes(best) || out.length === maxTokens) break;
      logits = this.evaluate([best])[0]!;
    }
    return out;
  }
}

/** One layer's cached keys (after RoPE) and values, one row per position. */
interface KvRows {
  k: Float32Array[];
  v: Float32Array[];
}

function ubatchLogits(
  ctx: Ctx,
  config: DecoderConfig,
  weights: GgmlWeights,
  tokens: readonly number[],
  start: number,
  cache: KvRows[],
): Float32Array[] {
  const { dim, heads, kvHeads, headDim, rmsEps } = config;
  const embd = weights.tokenEmbedding;
  let x: Float32Array[] = tokens.map((t) => embd.data.slice(t * dim, (t + 1) * dim));
  weights.layers.forEach((layer, l) => {
    const h = x.map((row) => ctx.rmsNormMul(row, layer.attnNorm, rmsEps));
    const q = ctx.addBias(ctx.project(layer, "q", h), layer.qBias).map((r, t) => ctx.rope(r, heads, start + t, config));
    const k = ctx
      .addBias(ctx.project(layer, "k", h), layer.kBias)
      .map((r, t) => ctx.rope(r, kvHeads, start + t, config));
    const v = ctx.addBias(ctx.project(layer, "v", h), layer.vBias);
    const rows = cache[l]!;
    rows.k.push(...k);
    rows.v.push(...v);
    const attended = ctx.attention(q, rows.k, rows.v, start, heads, kvHeads, headDim);
    const projected = ctx.project(layer, "o", attended);
    const ffnIn = x.map((row, t) => add(projected[t]!, row));
    const h2 = ffnIn.map((row) => ctx.rmsNormMul(row, layer.ffnNorm, rmsEps));
    const gate = ctx.project(layer, "gate", h2);
    const up = ctx.project(layer, "up", h2);
    const down = ctx.project(
      layer,
      "down",
      gate.map((g, t) => ctx.swiglu(g, up[t]!)),
    );
    x = ffnIn.map((row, t) => add(down[t]!, row));
  });
  const normed = x.map((row) => ctx.rmsNormMul(row, weights.outputNorm, rmsEps));
  return ctx.mulMat(weights.output, normed);
}

function add(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** float32 a·b + c with one rounding (ggml's FMAs); the double sum is corrected where it would double-round. */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const s = p + c;
  const r = fr(s);
  if (r === s || !Number.isFinite(s)) return r;
  const bv = s - p;
  const err = p - (s - bv) + (c - bv); // TwoSum: p + c = s + err exactly
  if (err === 0) return r;
  const other = fr(2 * s - r);
  if (other !== r && (r + other) / 2 === s) return err > 0 ? Math.max(r, other) : Math.min(r, other);
  return r;
}

/**
 * Pairwise halving sum of float32 lanes: _mm512_reduce_add_ps / tinyBLAS hsum (upper half + lower half, repeat).
 * Reduces `acc` in place (it is scratch).
 */
function reduceLanes(acc: Float64Array, count: number): number {
  for (let n = count >> 1; n >= 1; n >>= 1) {
    for (let i = 0; i < n; i++) acc[i] = fr((acc[i] as number) + (acc[i + n] as number));
  }
  return acc[0] as number;
}

const HEX = (mantissa: number, exponent: number) => mantissa * 2 ** exponent;
// ggml_v_expf constants (vec.h), written as hex-float significand × power of two.
const EXP_SHIFT = HEX(0x18, 19); // 0x1.8p23
const LOG2E = HEX(0x1715476, -24); // 0x1.715476p+0
const LN2_HI = HEX(0x162e4, -17); // 0x1.62e4p-1
const LN2_LO = HEX(0x17f7d1c, -44); // 0x1.7f7d1cp-20
const C5 = HEX(0x10e4020, -31); // 0x1.0e4020p-7
const C4 = HEX(0x1573e2e, -29); // 0x1.573e2ep-5
const C3 = HEX(0x1555e66, -27); // 0x1.555e66p-3
const C2 = HEX(0x1fffdb6, -26); // 0x1.fffdb6p-2
const C1 = HEX(0x1ffffec, -25); // 0x1.ffffecp-1

/** ggml_v_expf, one lane (vec.h, the AVX-512 and AVX2+FMA versions compute the same bits in range). */
export function ggmlVExpf(x: number): number {
  const z = fma32(x, LOG2E, EXP_SHIFT);
  const n = fr(z - EXP_SHIFT);
  if (!(Math.abs(n) <= 192)) return n <= 0 ? 0 : Number.POSITIVE_INFINITY;
  const b = fma32(-n, LN2_LO, fma32(-n, LN2_HI, x));
  const u = fr(b * b);
  const j = fma32(fma32(fma32(C5, b, C4), u, fma32(C3, b, C2)), u, fma32(C1, b, 1));
  return fr(j * 2 ** n);
}

/**
 * ggml_v_expf, AVX2+FMA version (vec.h): the same reduction, but the polynomial leaves out the 1 and the scale is
 * applied as k + k·j with k = 2^n built from the exponent bits; past |n| > 126 it splits 2^n in two factors.
 */
export function ggmlVExpfAvx2(x: number): number {
  const z = fma32(x, LOG2E, EXP_SHIFT);
  const n = fr(z - EXP_SHIFT);
  const b = fma32(-n, LN2_LO, fma32(-n, LN2_HI, x));
  const u = fr(b * b);
  const j = fma32(fma32(fma32(C5, b, C4), u, fma32(C3, b, C2)), u, fr(C1 * b));
  const absN = Math.abs(n);
  if (!(absN > 126)) return fma32(j, 2 ** n, 2 ** n);
  if (absN > 192) return n <= 0 ? 0 : Number.POSITIVE_INFINITY; // s1·s1 = 2^-254·… → 0, or 2^254 → inf
  // g = n ≤ 0 ? 0x82000000 : 0; s1 = bits(g + 0x7f000000) = 2^-125 or 2^127 (as float); s2 = 2^n / s1.
  const s1 = n <= 0 ? 2 ** -125 : 2 ** 127;
  const s2 = 2 ** n / s1;
  return fr(fma32(s2, j, s2) * s1);
}

const q8Cache = new WeakMap<GgmlMatrix, { q: Int8Array; d: Float32Array }>();

/**
 * A Q8_0 matrix's int8 values and F16 block scales, recovered from its dequantized floats (x = q·d is exact):
 * d = max|x| / 127, as ggml's quantizer leaves ±127 in every nonzero block. Throws if a block does not fit that.
 */
function q8Blocks(w: GgmlMatrix): { q: Int8Array; d: Float32Array } {
  const cached = q8Cache.get(w);
  if (cached) return cached;
  const blocks = w.data.length / 32;
  const q = new Int8Array(w.data.length);
  const d = new Float32Array(blocks);
  const half = halfToFloatTable();
  for (let b = 0; b < blocks; b++) {
    let max = 0;
    for (let i = b * 32; i < b * 32 + 32; i++) max = Math.max(max, Math.abs(w.data[i] as number));
    const scale = max / 127;
    if (max > 0 && (half[floatToHalf(scale)] !== scale || fr(127 * scale) !== max)) {
      throw new UnsupportedTensorTypeError(
        `Q8_0 block ${b} of a ${w.nOut}×${w.nIn} matrix has no ±127 value; its scale cannot be recovered exactly`,
      );
    }
    d[b] = scale;
    for (let i = b * 32; i < b * 32 + 32; i++) {
      const v = max > 0 ? (w.data[i] as number) / scale : 0;
      if (!Number.isInteger(v)) throw new UnsupportedTensorTypeError(`Q8_0 block ${b}: ${w.data[i]} is not q·d`);
      q[i] = v;
    }
  }
  const result = { q, d };
  q8Cache.set(w, result);
  return result;
}

/** quantize_row_q8_0 (arch/x86/quants.c): d = fp16(amax/127), q = round-half-even(x · (127/amax)). */
function quantizeRowQ80(x: Float32Array, half: Float32Array): { q: Int8Array; d: Float32Array } {
  const blocks = x.length / 32;
  const q = new Int8Array(x.length);
  const d = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let i = b * 32; i < b * 32 + 32; i++) amax = Math.max(amax, Math.abs(x[i] as number));
    d[b] = half[floatToHalf(fr(amax / 127))] as number;
    const id = amax !== 0 ? fr(127 / amax) : 0;
    for (let i = b * 32; i < b * 32 + 32; i++) q[i] = roundHalfEven(fr((x[i] as number) * id));
  }
  return { q, d };
}

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Σ x·y in float64 (error ~1e-16, far below float32's), rounded once: the order-free reference for ablations. */
function exactDot(x: ArrayLike<number>, xOff: number, y: ArrayLike<number>, yOff: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[xOff + i] as number) * (y[yOff + i] as number);
  return fr(sum);
}

/** glibc expf (correctly rounded in practice). */
const expf = (x: number) => fr(Math.exp(x));

class Ctx {
  readonly #half = halfToFloatTable();
  /** Scratch accumulators (the emulation is single-threaded and these never outlive a call). */
  readonly #lanes = new Float64Array(16);
  readonly #blocks = Array.from({ length: 4 }, () => new Float64Array(16));
  readonly ropeContraction: "none" | "first" | "second";
  readonly dotTailFma: boolean;
  readonly dpbf16: "odd-first" | "even-first" | "fused";
  readonly exactDots: boolean;
  readonly vExpf: (x: number) => number;

  constructor(
    readonly profile: GgmlCpuProfile,
    options: GgmlCpuOptions,
  ) {
    this.ropeContraction = options.ropeContraction ?? "first";
    this.exactDots = options.dotOrder === "float64";
    this.vExpf = options.expf === "libm" ? expf : profile.lanes === 8 ? ggmlVExpfAvx2 : ggmlVExpf;
    this.dotTailFma = options.dotTailFma ?? false;
    this.dpbf16 = options.dpbf16 ?? "odd-first";
  }

  /** ggml_compute_forward_rms_norm_f32 fused with the gain multiply (ops.cpp): double sum of float squares. */
  rmsNormMul(x: Float32Array, gain: Float32Array, eps: number): Float32Array {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += fr((x[i] as number) * (x[i] as number));
    const mean = fr(sum / x.length);
    const scale = fr(1 / fr(Math.sqrt(fr(mean + fr(eps)))));
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = fr(fr((x[i] as number) * scale) * (gain[i] as number));
    return out;
  }

  /** build_lora_mm: W·x, plus ggml_scale(B·(A·x), scale) added for an adapter on this projection. */
  project(layer: GgmlLayer, name: GgmlProjection, xs: Float32Array[]): Float32Array[] {
    const y = this.mulMat(layer[name], xs);
    const lora = layer.lora?.[name];
    if (!lora) return y;
    const delta = this.mulMat(lora.b, this.mulMat(lora.a, xs));
    return y.map((row, t) => {
      const d = delta[t]!;
      const out = new Float32Array(row.length);
      for (let i = 0; i < row.length; i++) out[i] = (row[i] as number) + fr((d[i] as number) * lora.scale);
      return out;
    });
  }

  addBias(rows: Float32Array[], bias: Float32Array | undefined): Float32Array[] {
    return bias ? rows.map((r) => add(r, bias)) : rows;
  }

  /** The activation rounding of ggml's vec_dot_type for this weight type. */
  #toVecDotType(x: Float32Array, type: number): Float32Array {
    if (type === F32) return x;
    if (type === F16) return x.map((v) => this.#half[floatToHalf(v)] as number);
    if (type === BF16) return x.map((v) => bf16ToFloat(floatToBf16(v)));
    throw new UnsupportedTensorTypeError(`ggmlCpuLogits: no exact path for ${ggmlTypeName(type)} weights`);
  }

  /**
   * ggml_compute_forward_mul_mat (ggml-cpu.c): llamafile's tinyBLAS when it accepts the shape (n ≥ 2 columns,
   * k a multiple of its vector width KN, m a multiple of 4), otherwise ggml_vec_dot_<type> per output.
   */
  mulMat(w: GgmlMatrix, xs: Float32Array[]): Float32Array[] {
    if (w.type === Q8_0) return this.#mulMatQ8(w, xs);
    const { lanes } = this.profile;
    const cols = xs.map((x) => this.#toVecDotType(x, w.type));
    const bf16Pairs = w.type === BF16 && this.profile.avx512bf16;
    const kn = bf16Pairs ? 32 : lanes;
    const tiny = xs.length >= 2 && w.nIn % kn === 0 && w.nOut % 4 === 0;
    return cols.map((x) => {
      const y = new Float32Array(w.nOut);
      for (let o = 0; o < w.nOut; o++) {
        const off = o * w.nIn;
        if (this.exactDots) y[o] = exactDot(w.data, off, x, 0, w.nIn);
        else if (tiny)
          y[o] = bf16Pairs
            ? this.#tinyDotBf16(w.data, off, x, w.nIn)
            : this.#tinyDot(w.data, off, x, 0, w.nIn, w.type !== F32);
        else if (w.type === F32) y[o] = this.vecDotF32(w.data, off, x, 0, w.nIn);
        else if (w.type === F16) y[o] = this.#vecDotF16(w.data, off, x, w.nIn);
        else y[o] = this.#vecDotBf16(w.data, off, x, w.nIn);
      }
      return y;
    });
  }

  /**
   * Q8_0 weights: the activations are quantized to Q8_0 (quantize_row_q8_0), and every output, whether through
   * tinyBLAS_Q0_AVX or ggml_vec_dot_q8_0_q8_0 (both 8 float lanes on AVX2 and AVX-512 builds), accumulates per block
   * fma(d_w·d_x, Σ of 4 consecutive int8 products, lane) and ends with the 8-lane hsum.
   */
  #mulMatQ8(w: GgmlMatrix, xs: Float32Array[]): Float32Array[] {
    const weight = q8Blocks(w);
    const blocks = w.nIn / 32;
    const acc = this.#lanes;
    return xs.map((x) => {
      const act = quantizeRowQ80(x, this.#half);
      const y = new Float32Array(w.nOut);
      for (let o = 0; o < w.nOut; o++) {
        acc.fill(0, 0, 8);
        for (let b = 0; b < blocks; b++) {
          const d = fr((weight.d[o * blocks + b] as number) * (act.d[b] as number));
          const wq = (o * blocks + b) * 32;
          const xq = b * 32;
          for (let j = 0; j < 8; j++) {
            let sum = 0;
            for (let e = 4 * j; e < 4 * j + 4; e++) sum += (weight.q[wq + e] as number) * (act.q[xq + e] as number);
            acc[j] = fma32(d, sum, acc[j] as number);
          }
        }
        y[o] = reduceLanes(acc, 8);
      }
      return y;
    });
  }

  /** tinyBLAS gemm_bloc, one output: lane j accumulates elements ≡ j (mod lanes) with FMA, then hsum. */
  #tinyDot(
    a: ArrayLike<number>,
    aOff: number,
    b: ArrayLike<number>,
    bOff: number,
    k: number,
    halfProducts = false,
  ): number {
    if (this.exactDots) return exactDot(a, aOff, b, bOff, k);
    const { lanes } = this.profile;
    const acc = this.#lanes;
    for (let j = 0; j < lanes; j++) {
      let sum = 0; // lanes are independent: one at a time is the same sequence of roundings
      if (halfProducts) {
        // F16·F16 and BF16·BF16 products are float32 values, and a float64 sum of two float32 values rounds to the
        // same float32 as the exact sum (exact when their exponents are within 29, else the smaller is below
        // 2^-29 relative and both round to the larger), so the FMA is this plain add.
        for (let l = j; l < k; l += lanes) sum = fr(sum + (a[aOff + l] as number) * (b[bOff + l] as number));
      } else {
        for (let l = j; l < k; l += lanes) sum = fma32(a[aOff + l] as number, b[bOff + l] as number, sum);
      }
      acc[j] = sum;
    }
    return reduceLanes(acc, lanes);
  }

  /** vdpbf16ps lane update: acc + a[2j]·b[2j] + a[2j+1]·b[2j+1] (products are exact in float32). */
  #dp(acc: number, p0: number, p1: number): number {
    if (this.dpbf16 === "fused") return fr(acc + (p0 + p1));
    if (this.dpbf16 === "odd-first") return fr(fr(acc + p1) + p0);
    return fr(fr(acc + p0) + p1);
  }

  /** tinyBLAS<32, __m512, __m512bh> (AVX512-BF16): 16 lanes, each takes a pair of adjacent elements per step. */
  #tinyDotBf16(a: Float32Array, aOff: number, b: Float32Array, k: number): number {
    const acc = this.#lanes.fill(0);
    for (let l = 0; l < k; l += 32) {
      for (let j = 0; j < 16; j++) {
        const i = l + 2 * j;
        acc[j] = this.#dp(
          acc[j] as number,
          (a[aOff + i] as number) * (b[i] as number),
          (a[aOff + i + 1] as number) * (b[i + 1] as number),
        );
      }
    }
    return reduceLanes(acc, 16);
  }

  /** Four accumulators of `lanes` over blocks of 4·lanes, combined 0+2, 1+3, 0+1, then hsum (GGML_F32_VEC_REDUCE). */
  #simdBlocks(
    x: ArrayLike<number>,
    xOff: number,
    y: ArrayLike<number>,
    yOff: number,
    np: number,
    halfProducts = false,
  ): number {
    const { lanes } = this.profile;
    const acc = this.#blocks;
    const stride = 4 * lanes;
    for (let j = 0; j < 4; j++) {
      const accJ = acc[j]!;
      for (let l = 0; l < lanes; l++) {
        let sum = 0;
        for (let e = j * lanes + l; e < np; e += stride) {
          const a = x[xOff + e] as number;
          const b = y[yOff + e] as number;
          sum = halfProducts ? fr(sum + a * b) : fma32(a, b, sum); // see #tinyDot
        }
        accJ[l] = sum;
      }
    }
    for (let l = 0; l < lanes; l++) {
      acc[0]![l] = fr((acc[0]![l] as number) + (acc[2]![l] as number));
      acc[1]![l] = fr((acc[1]![l] as number) + (acc[3]![l] as number));
      acc[0]![l] = fr((acc[0]![l] as number) + (acc[1]![l] as number));
    }
    if (lanes === 16) return reduceLanes(acc[0]!, 16);
    // GGML_F32x8_REDUCE: t0 = low half + high half, then two _mm_hadd_ps: (t0₀ + t0₁) + (t0₂ + t0₃).
    const a = acc[0]!;
    const t = [0, 1, 2, 3].map((i) => fr((a[i] as number) + (a[i + 4] as number)));
    return fr(fr((t[0] as number) + (t[1] as number)) + fr((t[2] as number) + (t[3] as number)));
  }

  /** ggml_vec_dot_f32 (vec.cpp): SIMD blocks of 4·lanes into a float, then a float scalar tail. */
  vecDotF32(x: ArrayLike<number>, xOff: number, y: ArrayLike<number>, yOff: number, n: number): number {
    if (this.exactDots) return exactDot(x, xOff, y, yOff, n);
    const np = n & ~(4 * this.profile.lanes - 1);
    let sum = np > 0 ? this.#simdBlocks(x, xOff, y, yOff, np) : 0;
    for (let i = np; i < n; i++) {
      const a = x[xOff + i] as number;
      const b = y[yOff + i] as number;
      sum = this.dotTailFma ? fma32(a, b, sum) : fr(sum + fr(a * b));
    }
    return sum;
  }

  /** ggml_vec_dot_f16: SIMD blocks, then a double tail of exact products, rounded once. */
  #vecDotF16(x: Float32Array, xOff: number, y: Float32Array, n: number): number {
    const np = n & ~(4 * this.profile.lanes - 1);
    let sum = np > 0 ? this.#simdBlocks(x, xOff, y, 0, np, true) : 0;
    for (let i = np; i < n; i++) sum += (x[xOff + i] as number) * (y[i] as number);
    return fr(sum);
  }

  /** ggml_vec_dot_bf16 (AVX512-BF16: two vdpbf16ps accumulators over blocks of 64; else lanes of plain FMA-free adds). */
  #vecDotBf16(x: Float32Array, xOff: number, y: Float32Array, n: number): number {
    let i = 0;
    let sum = 0;
    if (this.profile.avx512bf16) {
      const c1 = new Float64Array(16);
      const c2 = new Float64Array(16);
      for (; i + 64 <= n; i += 64) {
        for (const [c, base] of [
          [c1, i],
          [c2, i + 32],
        ] as const) {
          for (let j = 0; j < 16; j++) {
            const e = base + 2 * j;
            c[j] = this.#dp(
              c[j] as number,
              (x[xOff + e] as number) * (y[e] as number),
              (x[xOff + e + 1] as number) * (y[e + 1] as number),
            );
          }
        }
      }
      sum += reduceLanes(c1, 16);
      sum += reduceLanes(c2, 16);
    } else if (this.profile.lanes === 16) {
      const c1 = new Float64Array(16);
      const c2 = new Float64Array(16);
      for (; i + 32 <= n; i += 32) {
        for (let j = 0; j < 16; j++) {
          c1[j] = fr(fr((x[xOff + i + j] as number) * (y[i + j] as number)) + (c1[j] as number));
          c2[j] = fr(fr((x[xOff + i + 16 + j] as number) * (y[i + 16 + j] as number)) + (c2[j] as number));
        }
      }
      sum += reduceLanes(c1, 16);
      sum += reduceLanes(c2, 16);
    } else {
      const c = Array.from({ length: 4 }, () => new Float64Array(8));
      for (; i + 32 <= n; i += 32) {
        for (let q = 0; q < 4; q++) {
          for (let j = 0; j < 8; j++) {
            const e = i + 8 * q + j;
            c[q]![j] = fr(fr((x[xOff + e] as number) * (y[e] as number)) + (c[q]![j] as number));
          }
        }
      }
      const s = new Float64Array(8);
      for (let j = 0; j < 8; j++) {
        s[j] = fr(fr((c[0]![j] as number) + (c[2]![j] as number)) + fr((c[1]![j] as number) + (c[3]![j] as number)));
      }
      sum += reduceLanes(s, 8);
    }
    for (; i < n; i++) sum += (x[xOff + i] as number) * (y[i] as number);
    return fr(sum);
  }

  /**
   * ggml_compute_forward_rope_f32 (ops.cpp): θ starts at the position and is multiplied by
   * powf(base, -2/n_dims) in float32 per pair; glibc's cosf/sinf of it (libmSinCosf.ts); NORM pairs (2i, 2i+1), NEOX pairs (i, i+hd/2).
   */
  rope(row: Float32Array, nHeads: number, pos: number, config: DecoderConfig): Float32Array {
    const { headDim, ropeBase, ropeStyle } = config;
    const thetaScale = fr(fr(ropeBase) ** fr(-2 / headDim));
    const cos = new Float64Array(headDim / 2);
    const sin = new Float64Array(headDim / 2);
    let theta = fr(pos);
    for (let i = 0; i < headDim / 2; i++) {
      cos[i] = libmCosf(theta);
      sin[i] = libmSinf(theta);
      theta = fr(theta * thetaScale);
    }
    const out = new Float32Array(row.length);
    for (let h = 0; h < nHeads; h++) {
      for (let i = 0; i < headDim / 2; i++) {
        const [a, b] = ropeStyle === "neox" ? [i, i + headDim / 2] : [2 * i, 2 * i + 1];
        const x0 = row[h * headDim + a] as number;
        const x1 = row[h * headDim + b] as number;
        const c = cos[i] as number;
        const s = sin[i] as number;
        out[h * headDim + a] = this.#twoProducts(x0, c, -x1, s);
        out[h * headDim + b] = this.#twoProducts(x0, s, x1, c);
      }
    }
    return out;
  }

  /** a·b + c·d as GCC may contract it. */
  #twoProducts(a: number, b: number, c: number, d: number): number {
    if (this.ropeContraction === "first") return fma32(a, b, fr(c * d));
    if (this.ropeContraction === "second") return fma32(c, d, fr(a * b));
    return fr(fr(a * b) + fr(c * d));
  }

  /**
   * kq = K·Q (ggml_vec_dot_f32: Q is a permuted view, so tinyBLAS is skipped), softmax with scale and causal mask
   * (ggml_compute_forward_soft_max_f32 + ggml_vec_soft_max_f32), kqv = V·kq (tinyBLAS over positions when n ≥ 2).
   * Returns [T][H·hd].
   */
  attention(
    q: Float32Array[],
    k: Float32Array[],
    v: Float32Array[],
    start: number,
    heads: number,
    kvHeads: number,
    headDim: number,
  ): Float32Array[] {
    const steps = q.length;
    const positions = k.length;
    // Cells past the last position are masked: exact zeros after softmax, so any padding to whole SIMD blocks (the
    // cache holds a multiple of 256) gives these bits; 64 covers ggml_vec_dot_f32's blocks of 4 × 16 lanes.
    const nKv = Math.ceil(positions / 64) * 64;
    const scale = fr(1 / fr(Math.sqrt(headDim)));
    const { lanes } = this.profile;
    const out = q.map(() => new Float32Array(heads * headDim));
    const probs = new Float64Array(nKv);
    const vT = new Float64Array(nKv); // one column of V (a row of the transposed cache)
    const wp = new Float64Array(nKv);
    for (let h = 0; h < heads; h++) {
      const g = Math.floor(h / (heads / kvHeads));
      for (let t = 0; t < steps; t++) {
        wp.fill(Number.NEGATIVE_INFINITY);
        let max = Number.NEGATIVE_INFINITY;
        for (let s = 0; s <= start + t; s++) {
          wp[s] = fr(this.vecDotF32(k[s]!, g * headDim, q[t]!, h * headDim, headDim) * scale);
          max = Math.max(max, wp[s] as number);
        }
        let sum = 0;
        for (let c = 0; c < nKv; c += lanes) {
          for (let s = c; s < c + lanes; s++) probs[s] = this.vExpf(fr((wp[s] as number) - max));
          const scratch = this.#lanes;
          scratch.set(probs.subarray(c, c + lanes));
          sum += reduceLanes(scratch, lanes);
        }
        const inv = fr(1 / sum);
        for (let s = 0; s < nKv; s++) probs[s] = fr((probs[s] as number) * inv);
        for (let d = 0; d < headDim; d++) {
          for (let s = 0; s < nKv; s++) vT[s] = s < positions ? (v[s]![g * headDim + d] as number) : 0;
          out[t]![h * headDim + d] =
            steps >= 2 && headDim % 4 === 0
              ? this.#tinyDot(vT, 0, probs, 0, nKv)
              : this.vecDotF32(vT, 0, probs, 0, nKv);
        }
      }
    }
    return out;
  }

  /** ggml_vec_swiglu_f32: SIMD blocks of 16 (AVX-512) or 8 use ggml_v_silu, the tail uses libm expf. */
  swiglu(gate: Float32Array, up: Float32Array): Float32Array {
    const { lanes } = this.profile;
    const n = gate.length;
    const out = new Float32Array(n);
    const simd = n - (n % lanes);
    for (let i = 0; i < n; i++) {
      const x = gate[i] as number;
      const e = i < simd ? this.vExpf(-x) : expf(-x);
      out[i] = fr(fr(x / fr(1 + e)) * (up[i] as number));
    }
    return out;
  }
}

/** Reads a model's tensors (dequantized to float32, exact for F32/F16/BF16) into the layout {@link ggmlCpuLogits} uses. */
export async function ggmlWeightsFromSource(source: ModelSource, config: DecoderConfig): Promise<GgmlWeights> {
  const spec = (name: string) => source.tensors.find((t) => t.name === name);
  const vector = async (name: string) => Float32Array.from(await source.readFloat32(name));
  const optional = async (name: string) => (spec(name) ? await vector(name) : undefined);
  const matrix = async (name: string): Promise<GgmlMatrix> => {
    const t = spec(name);
    if (!t) throw new MissingTensorError(`${source.location}: missing tensor ${name}`);
    return { data: await vector(name), nIn: t.ne[0]!, nOut: t.ne[1]!, type: t.ggmlType };
  };
  const tokenEmbedding = await matrix("token_embd.weight");
  const layers: GgmlLayer[] = [];
  for (let i = 0; i < config.layers; i++) {
    const p = `blk.${i}`;
    const layer: GgmlLayer = {
      attnNorm: await vector(`${p}.attn_norm.weight`),
      ffnNorm: await vector(`${p}.ffn_norm.weight`),
      q: await matrix(`${p}.attn_q.weight`),
      k: await matrix(`${p}.attn_k.weight`),
      v: await matrix(`${p}.attn_v.weight`),
      o: await matrix(`${p}.attn_output.weight`),
      gate: await matrix(`${p}.ffn_gate.weight`),
      up: await matrix(`${p}.ffn_up.weight`),
      down: await matrix(`${p}.ffn_down.weight`),
    };
    const [qBias, kBias, vBias] = await Promise.all(["q", "k", "v"].map((x) => optional(`${p}.attn_${x}.bias`)));
    if (qBias) layer.qBias = qBias;
    if (kBias) layer.kBias = kBias;
    if (vBias) layer.vBias = vBias;
    layers.push(layer);
  }
  return {
    tokenEmbedding,
    output: spec("output.weight") ? await matrix("output.weight") : tokenEmbedding,
    outputNorm: await vector("output_norm.weight"),
    layers,
  };
}

const TYPE_OF_ROUNDING: Record<GgmlActivationRounding, number> = { f16: F16, bf16: BF16, q8_0: Q8_0 };
const EXACT_TYPES = new Set([F32, F16, BF16, Q8_0]);

/**
 * The same weights as a loaded {@link DecoderWeights} (read back from the backend and transposed to ggml rows), typed
 * by the ggml type the loader recorded (or, for weights built without one, the activation rounding it attached).
 * Throws UnsupportedTensorTypeError for types this re-enactment does not cover (K-quants: ggml quantizes their
 * activations to Q8_K, which is not modelled).
 */
export function ggmlWeightsFromDecoder(weights: DecoderWeights, location = "model"): GgmlWeights {
  const typeOf = (ggmlType: number | undefined, rounding: GgmlActivationRounding | undefined, name: string) => {
    const type = ggmlType ?? (rounding === undefined ? F32 : TYPE_OF_ROUNDING[rounding]);
    if (!EXACT_TYPES.has(type)) {
      throw new UnsupportedTensorTypeError(
        `${location}: ${name} is ${ggmlTypeName(type)}; the exact ggml-cpu path covers F32, F16, BF16 and Q8_0 weights`,
      );
    }
    return type;
  };
  const rows = (linear: Linear, name: string): GgmlMatrix => {
    const [nIn, nOut] = linear.weight.shape;
    const data = transpose(linear.weight.dataSync() as Float32Array, nIn, nOut);
    return { data, nIn, nOut, type: typeOf(linear.ggmlType, linear.rounding, name) };
  };
  const [vocab, dim] = weights.output.shape;
  const output: GgmlMatrix = {
    data: Float32Array.from(weights.output.dataSync() as Float32Array),
    nIn: dim,
    nOut: vocab,
    type: typeOf(weights.outputType, weights.outputRounding, "the output head"),
  };
  const tokenEmbedding = weights.tokenEmbedding
    ? { data: Float32Array.from(weights.tokenEmbedding.dataSync() as Float32Array), nIn: dim, nOut: vocab, type: F32 }
    : output;
  const vector = (t: { dataSync(): unknown }) => Float32Array.from(t.dataSync() as Float32Array);
  return {
    tokenEmbedding,
    output,
    outputNorm: vector(weights.outputNorm),
    layers: weights.layers.map((layer, i) => {
      const p = layer.projections;
      const out: GgmlLayer = {
        attnNorm: vector(layer.attnNorm),
        ffnNorm: vector(layer.ffnNorm),
        q: rows(p.attn_q, `blk.${i}.attn_q`),
        k: rows(p.attn_k, `blk.${i}.attn_k`),
        v: rows(p.attn_v, `blk.${i}.attn_v`),
        o: rows(p.attn_output, `blk.${i}.attn_output`),
        gate: rows(p.ffn_gate, `blk.${i}.ffn_gate`),
        up: rows(p.ffn_up, `blk.${i}.ffn_up`),
        down: rows(p.ffn_down, `blk.${i}.ffn_down`),
      };
      if (p.attn_q.bias) out.qBias = vector(p.attn_q.bias);
      if (p.attn_k.bias) out.kBias = vector(p.attn_k.bias);
      if (p.attn_v.bias) out.vBias = vector(p.attn_v.bias);
      return out;
    }),
  };
}

/** Natural-log softmax of float32 logits, in float64 (so it adds no error of its own). */
export function logSoftmax(logits: Float32Array): Float32Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logits) max = Math.max(max, v);
  let z = 0;
  for (const v of logits) z += Math.exp(v - max);
  const lse = max + Math.log(z);
  return logits.map((v) => v - lse);
}

const LORA_TARGETS: Record<string, GgmlProjection> = {
  attn_q: "q",
  attn_k: "k",
  attn_v: "v",
  attn_output: "o",
  ffn_gate: "gate",
  ffn_up: "up",
  ffn_down: "down",
};

/**
 * `weights` with a llama.cpp GGUF LoRA adapter attached (tensors `blk.N.<target>.weight.lora_a/_b`, key
 * `adapter.lora.alpha`), as `createContext({ lora: { adapters: [{ filePath, scale }] } })` applies it.
 */
export async function withGgufLora(weights: GgmlWeights, path: string, adapterScale = 1): Promise<GgmlWeights> {
  const file = await openGguf(path);
  const alphaValue = file.metadata["adapter.lora.alpha"]?.value;
  const alpha = fr(typeof alphaValue === "number" ? alphaValue : 0);
  const layers = weights.layers.map((layer) => ({ ...layer, lora: { ...layer.lora } }));
  for (const t of file.tensors) {
    const match = /^blk\.(\d+)\.(\w+)\.weight\.lora_a$/.exec(t.name);
    if (!match) continue;
    const layer = layers[Number(match[1])];
    const target = LORA_TARGETS[match[2]!];
    const bInfo = file.tensors.find((u) => u.name === t.name.replace(/lora_a$/, "lora_b"));
    if (!layer || !target || !bInfo) throw new MissingTensorError(`${path}: ${t.name} has no matching layer or lora_b`);
    const a: GgmlMatrix = { data: await readTensor(file, t.name), nIn: t.shape[0]!, nOut: t.shape[1]!, type: t.type };
    const b: GgmlMatrix = {
      data: await readTensor(file, bInfo.name),
      nIn: bInfo.shape[0]!,
      nOut: bInfo.shape[1]!,
      type: bInfo.type,
    };
    const rank = fr(bInfo.shape[0]!);
    const scale = alpha ? fr(fr(fr(adapterScale) * alpha) / rank) : fr(adapterScale);
    layer.lora[target] = { a, b, scale };
  }
  return { ...weights, layers };
}

/** A GGUF model (and optional LoRA adapter) read for {@link ggmlCpuLogits}, without TF.js. */
export interface GgmlCpuModel {
  config: DecoderConfig;
  weights: GgmlWeights;
  /** Natural-log next-token distributions [T][V] for one sequence, as llama.cpp computes them on this CPU variant. */
  logProbs(tokens: readonly number[], profile: GgmlCpuProfile, options?: GgmlCpuOptions): Float32Array[];
}

/**
 * Opens a Llama/Qwen2 GGUF for the exact ggml-cpu path, with a GGUF LoRA adapter applied as
 * `createContext({ lora: { adapters: [{ filePath: adapterPath, scale: adapterScale }] } })` would.
 *
 * @example
 * const model = await openGgmlCpuModel("nomen-base.gguf", { adapterPath: "nomen-lora.gguf" });
 * const logProbs = model.logProbs(ids, ggmlCpuProfile("zen4")!);
 */
export async function openGgmlCpuModel(
  path: string,
  options: { adapterPath?: string; adapterScale?: number } = {},
): Promise<GgmlCpuModel> {
  const source = await openGgufSource(path);
  const embd = source.tensors.find((t) => t.name === "token_embd.weight");
  const config = decoderConfigFromMetadata(source.metadata, source.location, embd?.ne[1]);
  let weights = await ggmlWeightsFromSource(source, config);
  if (options.adapterPath) weights = await withGgufLora(weights, options.adapterPath, options.adapterScale);
  return {
    config,
    weights,
    logProbs: (tokens, profile, logitsOptions) =>
      ggmlCpuLogits(config, weights, tokens, profile, logitsOptions).map(logSoftmax),
  };
}
