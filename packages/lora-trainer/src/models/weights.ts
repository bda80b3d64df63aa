import type { Tensor1D, Tensor2D } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import { AbortError, MissingTensorError, TensorShapeMismatchError, UnsupportedTensorTypeError } from "../errors.js";
import type { DecoderConfig } from "./DecoderConfig.js";
import { expectedTensors, PROJECTIONS, type Projection } from "./expectedTensors.js";
import { activationRoundingFor, type GgmlActivationRounding } from "./ggmlRounding.js";
import { ggmlTypeName, type ModelSource } from "./ModelSource.js";

/** y = x·weight + bias, with weight stored [in, out] so x[N, in] multiplies it without a transpose. */
export interface Linear {
  weight: Tensor2D;
  bias?: Tensor1D;
  /** Round inputs as ggml does for this weight's stored type (see ggmlRounding.ts); absent for F32. */
  rounding?: GgmlActivationRounding;
  /** The ggml type the weight was stored as in the file (absent for weights built in memory: F32). */
  ggmlType?: number;
}

export interface DecoderLayerWeights {
  attnNorm: Tensor1D;
  ffnNorm: Tensor1D;
  projections: Record<Projection, Linear>;
}

export interface DecoderWeights {
  /** [V, D]; absent when the head is tied, then rows are gathered from `output` (one copy in memory). */
  tokenEmbedding?: Tensor2D;
  /** [V, D], as ggml stores it (one row per token); the head multiplies it from the left (see decoder.ts). */
  output: Tensor2D;
  outputRounding?: GgmlActivationRounding;
  /** The ggml type of the head's weight in the file (absent: F32). */
  outputType?: number;
  outputNorm: Tensor1D;
  layers: DecoderLayerWeights[];
}

/**
 * Checks every tensor's presence, shape and type (all problems in one error), then uploads them as float32,
 * transposing matrices from ggml's [out rows of in] to TF.js [in, out].
 */
export async function loadDecoderWeights(
  tf: Tf,
  source: ModelSource,
  config: DecoderConfig,
  options: { signal?: AbortSignal; matchGgmlRounding?: boolean } = {},
): Promise<DecoderWeights> {
  const { signal, matchGgmlRounding = true } = options;
  validateTensors(source, config);
  const present = new Set(source.tensors.map((t) => t.name));
  const roundingOf = (name: string) => {
    const type = source.tensors.find((t) => t.name === name)?.ggmlType;
    return matchGgmlRounding && type !== undefined ? activationRoundingFor(type) : undefined;
  };
  const created: Array<Tensor1D | Tensor2D> = [];
  const track = <T extends Tensor1D | Tensor2D>(t: T): T => {
    created.push(t);
    return t;
  };
  const read = async (name: string): Promise<Float32Array> => {
    if (signal?.aborted) throw new AbortError(`loading ${source.location} was aborted`, { cause: signal.reason });
    return await source.readFloat32(name);
  };
  const vector = async (name: string) => track(tf.tensor1d(await read(name)));
  // ggml [n_in, n_out] is n_out rows of n_in floats; TF.js wants [n_in, n_out].
  const matrix = async (name: string, nIn: number, nOut: number) =>
    track(tf.tensor2d(transpose(await read(name), nOut, nIn), [nIn, nOut]));
  try {
    const { dim, vocabSize } = config;
    const head = present.has("output.weight") ? "output.weight" : "token_embd.weight";
    const weights: DecoderWeights = {
      output: track(tf.tensor2d(await read(head), [vocabSize, dim])),
      outputNorm: await vector("output_norm.weight"),
      layers: [],
    };
    const outputRounding = roundingOf(head);
    const outputType = source.tensors.find((t) => t.name === head)?.ggmlType;
    if (outputType !== undefined) weights.outputType = outputType;
    if (outputRounding) weights.outputRounding = outputRounding;
    if (head === "output.weight")
      weights.tokenEmbedding = track(tf.tensor2d(await read("token_embd.weight"), [vocabSize, dim]));
    for (let i = 0; i < config.layers; i++) {
      const projections = {} as Record<Projection, Linear>;
      for (const projection of PROJECTIONS) {
        const base = `blk.${i}.${projection}`;
        const spec = source.tensors.find((t) => t.name === `${base}.weight`)!;
        const linear: Linear = {
          weight: await matrix(`${base}.weight`, spec.ne[0]!, spec.ne[1]!),
          ggmlType: spec.ggmlType,
        };
        if (present.has(`${base}.bias`)) linear.bias = await vector(`${base}.bias`);
        const rounding = roundingOf(`${base}.weight`);
        if (rounding) linear.rounding = rounding;
        projections[projection] = linear;
      }
      weights.layers.push({
        attnNorm: await vector(`blk.${i}.attn_norm.weight`),
        ffnNorm: await vector(`blk.${i}.ffn_norm.weight`),
        projections,
      });
    }
    return weights;
  } catch (error) {
    for (const t of created) t.dispose();
    throw error;
  }
}

/** Throws one named error listing every missing, mis-shaped or undecodable tensor. */
export function validateTensors(source: ModelSource, config: DecoderConfig): void {
  const byName = new Map(source.tensors.map((t) => [t.name, t]));
  const missing: string[] = [];
  const misshapen: string[] = [];
  const undecodable: string[] = [];
  for (const expected of expectedTensors(config)) {
    const found = byName.get(expected.name);
    if (!found) {
      if (expected.required) missing.push(expected.name);
      continue;
    }
    const ne = found.ne.filter((d, i) => i < expected.ne.length || d !== 1);
    if (ne.length !== expected.ne.length || ne.some((d, i) => d !== expected.ne[i])) {
      misshapen.push(`${expected.name}: expected ne [${expected.ne}], got [${found.ne}]`);
    }
    if (!source.canDecode(found.ggmlType)) undecodable.push(`${expected.name} (${ggmlTypeName(found.ggmlType)})`);
  }
  const where = `${source.location} (${config.architecture}, ${config.layers} layers, dim ${config.dim})`;
  if (missing.length > 0) {
    throw new MissingTensorError(`${where}: missing tensor(s) ${missing.join(", ")}. Hint: is the file complete?`);
  }
  if (misshapen.length > 0) {
    throw new TensorShapeMismatchError(`${where}: shapes disagree with the metadata: ${misshapen.join("; ")}`);
  }
  if (undecodable.length > 0) {
    throw new UnsupportedTensorTypeError(
      `${where}: cannot dequantize ${undecodable.join(", ")}. Hint: re-quantize to F32, F16, BF16, Q8_0 or Q4_K.`,
    );
  }
}

export function disposeDecoderWeights(weights: DecoderWeights): void {
  weights.tokenEmbedding?.dispose();
  weights.output.dispose();
  weights.outputNorm.dispose();
  for (const layer of weights.layers) {
    layer.attnNorm.dispose();
    layer.ffnNorm.dispose();
    for (const linear of Object.values(layer.projections)) {
      linear.weight.dispose();
      linear.bias?.dispose();
    }
  }
}

/** Row-major [rows, cols] → [cols, rows], in 64×64 tiles to stay cache-friendly on large matrices. */
export function transpose(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  const tile = 64;
  for (let r0 = 0; r0 < rows; r0 += tile) {
    const r1 = Math.min(rows, r0 + tile);
    for (let c0 = 0; c0 < cols; c0 += tile) {
      const c1 = Math.min(cols, c0 + tile);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = data[r * cols + c] as number;
      }
    }
  }
  return out;
}
