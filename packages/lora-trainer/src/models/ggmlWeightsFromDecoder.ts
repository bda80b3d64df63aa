/**
 * Bridges a loaded TF.js {@link DecoderWeights} to the exact path, so `DecoderModel.logProbs(tokens, { ggmlCpu })`
 * can reuse the weights it already holds (including merged or trained ones) without re-reading the GGUF.
 */
import { GgmlType } from "@nomen/gguf";
import { UnsupportedTensorTypeError } from "../errors.js";
import type { GgmlActivationRounding } from "./ggmlRounding.js";
import type { GgmlLayer, GgmlMatrix, GgmlWeights } from "./ggmlWeights.js";
import { ggmlTypeName } from "./ModelSource.js";
import { type DecoderWeights, type Linear, transpose } from "./weights.js";

const TYPE_OF_ROUNDING: Record<GgmlActivationRounding, number> = {
  f16: GgmlType.F16,
  bf16: GgmlType.BF16,
  q8_0: GgmlType.Q8_0,
};
const EXACT_TYPES = new Set<number>([GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0]);

/**
 * The same weights as a loaded {@link DecoderWeights} (read back from the backend and transposed to ggml rows), typed
 * by the ggml type the loader recorded (or, for weights built without one, the activation rounding it attached).
 * Throws UnsupportedTensorTypeError for types this re-enactment does not cover (K-quants: ggml quantizes their
 * activations to Q8_K, which is not modelled).
 */
export function ggmlWeightsFromDecoder(weights: DecoderWeights, location = "model"): GgmlWeights {
  const typeOf = (ggmlType: number | undefined, rounding: GgmlActivationRounding | undefined, name: string) => {
    const type = ggmlType ?? (rounding === undefined ? GgmlType.F32 : TYPE_OF_ROUNDING[rounding]);
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
    ? {
        data: Float32Array.from(weights.tokenEmbedding.dataSync() as Float32Array),
        nIn: dim,
        nOut: vocab,
        type: GgmlType.F32,
      }
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
