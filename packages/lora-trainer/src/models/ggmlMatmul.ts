/**
 * ggml_compute_forward_mul_mat's dispatch: it rounds the activations to the weight's `vec_dot_type` (where F16/BF16
 * rounding flips come from) and picks tinyBLAS or ggml_vec_dot by shape, plus build_lora_mm's adapter term.
 */
import { bf16ToFloat, floatToBf16, floatToHalf, GgmlType } from "@nomen/gguf";
import { UnsupportedTensorTypeError } from "../errors.js";
import type { GgmlCpuContext } from "./ggmlCpuContext.js";
import { exactDot } from "./ggmlMath.js";
import { mulMatQ8 } from "./ggmlQ8.js";
import { tinyDot, tinyDotBf16 } from "./ggmlTinyBlas.js";
import { vecDotBf16, vecDotF16, vecDotF32 } from "./ggmlVecDot.js";
import type { GgmlLayer, GgmlMatrix, GgmlProjection } from "./ggmlWeights.js";
import { ggmlTypeName } from "./ModelSource.js";

const fr = Math.fround;

/** The activation rounding of ggml's vec_dot_type for this weight type. */
function toVecDotType(ctx: GgmlCpuContext, x: Float32Array, type: number): Float32Array {
  if (type === GgmlType.F32) return x;
  if (type === GgmlType.F16) return x.map((v) => ctx.half[floatToHalf(v)] as number);
  if (type === GgmlType.BF16) return x.map((v) => bf16ToFloat(floatToBf16(v)));
  throw new UnsupportedTensorTypeError(`ggmlCpuLogits: no exact path for ${ggmlTypeName(type)} weights`);
}

/**
 * ggml_compute_forward_mul_mat (ggml-cpu.c): llamafile's tinyBLAS when it accepts the shape (n ≥ 2 columns,
 * k a multiple of its vector width KN, m a multiple of 4), otherwise ggml_vec_dot_<type> per output.
 */
export function mulMat(ctx: GgmlCpuContext, w: GgmlMatrix, xs: Float32Array[]): Float32Array[] {
  if (w.type === GgmlType.Q8_0) return mulMatQ8(ctx, w, xs);
  const { lanes } = ctx.profile;
  const cols = xs.map((x) => toVecDotType(ctx, x, w.type));
  const bf16Pairs = w.type === GgmlType.BF16 && ctx.profile.avx512bf16;
  const kn = bf16Pairs ? 32 : lanes;
  const tiny = xs.length >= 2 && w.nIn % kn === 0 && w.nOut % 4 === 0;
  return cols.map((x) => {
    const y = new Float32Array(w.nOut);
    for (let o = 0; o < w.nOut; o++) {
      const off = o * w.nIn;
      if (ctx.exactDots) y[o] = exactDot(w.data, off, x, 0, w.nIn);
      else if (tiny)
        y[o] = bf16Pairs
          ? tinyDotBf16(ctx, w.data, off, x, w.nIn)
          : tinyDot(ctx, w.data, off, x, 0, w.nIn, w.type !== GgmlType.F32);
      else if (w.type === GgmlType.F32) y[o] = vecDotF32(ctx, w.data, off, x, 0, w.nIn);
      else if (w.type === GgmlType.F16) y[o] = vecDotF16(ctx, w.data, off, x, w.nIn);
      else y[o] = vecDotBf16(ctx, w.data, off, x, w.nIn);
    }
    return y;
  });
}

/** build_lora_mm: W·x, plus ggml_scale(B·(A·x), scale) added for an adapter on this projection. */
export function project(
  ctx: GgmlCpuContext,
  layer: GgmlLayer,
  name: GgmlProjection,
  xs: Float32Array[],
): Float32Array[] {
  const y = mulMat(ctx, layer[name], xs);
  const lora = layer.lora?.[name];
  if (!lora) return y;
  const delta = mulMat(ctx, lora.b, mulMat(ctx, lora.a, xs));
  return y.map((row, t) => {
    const d = delta[t]!;
    const out = new Float32Array(row.length);
    for (let i = 0; i < row.length; i++) out[i] = (row[i] as number) + fr((d[i] as number) * lora.scale);
    return out;
  });
}
