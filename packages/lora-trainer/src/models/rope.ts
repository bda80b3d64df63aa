import type { Tensor, Tensor2D, Tensor3D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import type { RopeStyle } from "./DecoderConfig.js";

/**
 * Rotary position embedding as x·cos + rotate(x)·sin, where rotate is a fixed signed permutation applied as one
 * 2D matmul (fast on wasm, and the same code for both styles):
 * - `neox` (qwen2, HF rotate_half): pairs (i, i+hd/2); rotate(x) = [-x[hd/2:], x[:hd/2]].
 * - `norm` (llama): adjacent pairs (2i, 2i+1); rotate(x)[2i] = -x[2i+1], rotate(x)[2i+1] = x[2i].
 * Angle of pair i at position p: p·base^(-2i/hd).
 */
export function rotationMatrix(tf: Tf, style: RopeStyle, headDim: number): Tensor2D {
  const half = headDim / 2;
  const r = new Float32Array(headDim * headDim); // r[from * hd + to]
  for (let i = 0; i < half; i++) {
    const [a, b] = style === "neox" ? [i, i + half] : [2 * i, 2 * i + 1];
    r[b * headDim + a] = -1; // out[a] = -x[b]
    r[a * headDim + b] = 1; // out[b] = x[a]
  }
  return tf.tensor2d(r, [headDim, headDim]);
}

/** cos and sin tables [T, 1, hd] for positions start..start+T-1, broadcasting over heads. */
export function ropeTables(
  tf: Tf,
  style: RopeStyle,
  headDim: number,
  base: number,
  start: number,
  length: number,
): { cos: Tensor3D; sin: Tensor3D } {
  const half = headDim / 2;
  const cos = new Float32Array(length * headDim);
  const sin = new Float32Array(length * headDim);
  for (let t = 0; t < length; t++) {
    for (let j = 0; j < headDim; j++) {
      const pair = style === "neox" ? j % half : j >> 1;
      const angle = (start + t) * base ** ((-2 * pair) / headDim);
      cos[t * headDim + j] = Math.cos(angle);
      sin[t * headDim + j] = Math.sin(angle);
    }
  }
  return { cos: tf.tensor3d(cos, [length, 1, headDim]), sin: tf.tensor3d(sin, [length, 1, headDim]) };
}

/** x: [B, T, heads, hd] → same shape, rotated. Call inside `tf.tidy`. */
export function applyRope<T extends Tensor>(tf: Tf, x: T, rotation: Tensor2D, cos: Tensor3D, sin: Tensor3D): T {
  const headDim = x.shape[x.shape.length - 1] as number;
  const rotated = tf.matMul(tf.reshape(x, [-1, headDim]) as Tensor2D, rotation).reshape(x.shape);
  return tf.add(tf.mul(x, cos), tf.mul(rotated, sin)) as T;
}
