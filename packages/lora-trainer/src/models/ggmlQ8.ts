/**
 * The Q8_0 matmul. Q8_0 weights take another kernel family than F16/BF16: the activations are quantized to Q8_0 too
 * and the dot product runs on int8 blocks, so both sides' int8 values and F16 scales must be exactly ggml's.
 */
import { floatToHalf, halfToFloatTable } from "@nomen/gguf";
import { UnsupportedTensorTypeError } from "../errors.js";
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { fma32, reduceLanes, roundHalfEven } from "./ggmlMath.js";
import type { GgmlMatrix } from "./ggmlWeights.js";

const fr = Math.fround;

/** int8 values and their per-32 F16 block scales (as float32). */
interface Q8Blocks {
  q: Int8Array;
  d: Float32Array;
}

const q8Cache = new WeakMap<GgmlMatrix, Q8Blocks>();

/**
 * A Q8_0 matrix's int8 values and F16 block scales, recovered from its dequantized floats (x = q·d is exact):
 * d = max|x| / 127, as ggml's quantizer leaves ±127 in every nonzero block. Throws if a block does not fit that.
 */
function q8Blocks(w: GgmlMatrix): Q8Blocks {
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
function quantizeRowQ80(x: Float32Array, half: Float32Array): Q8Blocks {
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

/**
 * Q8_0 weights: the activations are quantized to Q8_0 (quantize_row_q8_0), and every output, whether through
 * tinyBLAS_Q0_AVX or ggml_vec_dot_q8_0_q8_0 (both 8 float lanes on AVX2 and AVX-512 builds), accumulates per block
 * fma(d_w·d_x, Σ of 4 consecutive int8 products, lane) and ends with the 8-lane hsum.
 */
export function mulMatQ8(ctx: GgmlCpuContext, w: GgmlMatrix, xs: Float32Array[]): Float32Array[] {
  const weight = q8Blocks(w);
  const blocks = w.nIn / 32;
  const acc = ctx.lanes;
  return xs.map((x) => {
    const act = quantizeRowQ80(x, ctx.half);
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
