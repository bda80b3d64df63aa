/**
 * A Llama/Qwen2 decoder whose every weight is a tf.variable, randomly initialised, for training from scratch with
 * the same loop as LoRA (`train({ fullModel })`). Init as GPT-2/nanoGPT: N(0, 0.02), residual output projections
 * N(0, 0.02/√(2L)), norm gains 1, biases 0. The tied embedding's gather needs wasm's UnsortedSegmentSum kernel, which
 * `loadTf` registers (backend/wasmKernelFixes.ts).
 */
import type { Tensor, Tensor1D, Tensor2D, Variable } from "@tensorflow/tfjs";
import { loadTf, type Tf, type TfBackendName } from "../backend/loadTf.js";
import { DisposedError, InvalidInputError } from "../errors.js";
import type { Architecture, DecoderConfig } from "../models/DecoderConfig.js";
import { decoderForward } from "../models/decoder.js";
import { PROJECTIONS, type Projection, projectionShape } from "../models/expectedTensors.js";
import { rotationMatrix } from "../models/rope.js";
import type { DecoderLayerWeights, DecoderWeights, Linear } from "../models/weights.js";
import type { NamedVariable } from "./AdamW.js";
import type { Trainable } from "./Trainable.js";

/** Options for {@link FullModel.create}. */
export interface FullModelOptions {
  /** Defaults to "qwen2". */
  architecture?: Architecture;
  vocabSize: number;
  dim: number;
  layers: number;
  heads: number;
  /** Defaults to `heads`. */
  kvHeads?: number;
  ffnDim: number;
  /** Defaults to 256. */
  contextLength?: number;
  /** Defaults to 10000. */
  ropeBase?: number;
  /** Defaults to 1e-6. */
  rmsEps?: number;
  /** One matrix for the embedding and the output head. Defaults to true. */
  tiedEmbeddings?: boolean;
  /** q/k/v biases. Defaults to true for qwen2, false for llama. */
  qkvBias?: boolean;
  /** Defaults to 0. */
  seed?: number;
  /** Defaults to the best available (see `loadTf`). */
  backend?: TfBackendName;
  /** Receives the backend line and the parameter count. Defaults to `console.error`. */
  log?: (line: string) => void;
}

let instances = 0;

export class FullModel implements Trainable {
  #disposed = false;

  private constructor(
    readonly tf: Tf,
    readonly config: DecoderConfig,
    readonly weights: DecoderWeights,
    readonly rotation: Tensor2D,
    /** Every weight under its GGUF tensor name. */
    readonly parameters: readonly NamedVariable[],
  ) {}

  static async create(options: FullModelOptions): Promise<FullModel> {
    const config = fullModelConfig(options);
    const log = options.log ?? ((line: string) => console.error(line));
    const { tf } = await loadTf({ backend: options.backend, log });
    const id = instances++;
    const seed = options.seed ?? 0;
    const parameters: NamedVariable[] = [];
    const make = (name: string, init: (seed: number) => Tensor): Variable => {
      const variable = tf.tidy(() => tf.variable(init(seed * 7919 + parameters.length), true, `full${id}.${name}`));
      parameters.push({ name, variable });
      return variable;
    };
    const normal = (std: number) => (shape: number[]) => (s: number) => tf.randomNormal(shape, 0, std, "float32", s);
    const matrix = (name: string, shape: [number, number], std = 0.02) =>
      make(name, normal(std)(shape)) as Variable as unknown as Tensor2D;
    const ones = (name: string, n: number) => make(name, () => tf.ones([n])) as Variable as unknown as Tensor1D;
    const zeros = (name: string, n: number) => make(name, () => tf.zeros([n])) as Variable as unknown as Tensor1D;
    const { vocabSize, dim } = config;
    const qkvBias = options.qkvBias ?? config.architecture === "qwen2";
    const output = matrix(options.tiedEmbeddings === false ? "output.weight" : "token_embd.weight", [vocabSize, dim]);
    const weights: DecoderWeights = { output, outputNorm: ones("output_norm.weight", dim), layers: [] };
    if (options.tiedEmbeddings === false) weights.tokenEmbedding = matrix("token_embd.weight", [vocabSize, dim]);
    const residualStd = 0.02 / Math.sqrt(2 * config.layers);
    for (let l = 0; l < config.layers; l++) {
      const projections = {} as Record<Projection, Linear>;
      for (const projection of PROJECTIONS) {
        const residual = projection === "attn_output" || projection === "ffn_down";
        const name = `blk.${l}.${projection}`;
        const linear: Linear = {
          weight: matrix(`${name}.weight`, projectionShape(config, projection), residual ? residualStd : 0.02),
        };
        if (qkvBias && /^attn_[qkv]$/.test(projection))
          linear.bias = zeros(`${name}.bias`, projectionShape(config, projection)[1]);
        projections[projection] = linear;
      }
      const layer: DecoderLayerWeights = {
        attnNorm: ones(`blk.${l}.attn_norm.weight`, dim),
        ffnNorm: ones(`blk.${l}.ffn_norm.weight`, dim),
        projections,
      };
      weights.layers.push(layer);
    }
    const count = parameters.reduce((n, p) => n + p.variable.size, 0);
    log(`lora-trainer: full model ${config.architecture}, ${count.toLocaleString("en-US")} trainable parameters`);
    return new FullModel(tf, config, weights, rotationMatrix(tf, config.ropeStyle, config.headDim), parameters);
  }

  get parameterCount(): number {
    return this.parameters.reduce((n, p) => n + p.variable.size, 0);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** tokens int32 [B, T] → logits [B, T, V] (no dropout); call inside `tf.tidy` or a gradient function. */
  forward(tokens: Tensor2D): ReturnType<Trainable["forward"]> {
    if (this.#disposed) throw new DisposedError("FullModel was used after dispose()");
    return decoderForward(this, tokens);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const p of this.parameters) p.variable.dispose();
    this.rotation.dispose();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }
}

/** The DecoderConfig of {@link FullModelOptions}, validated. */
export function fullModelConfig(options: FullModelOptions): DecoderConfig {
  const { vocabSize, dim, layers, heads, ffnDim, architecture = "qwen2" } = options;
  const kvHeads = options.kvHeads ?? heads;
  const problems: string[] = [];
  for (const [key, value] of Object.entries({ vocabSize, dim, layers, heads, kvHeads, ffnDim }))
    if (!Number.isInteger(value) || value < 1) problems.push(`${key} a positive integer (got ${value})`);
  if (dim % heads !== 0) problems.push(`dim divisible by heads (got ${dim} / ${heads})`);
  if (heads % kvHeads !== 0) problems.push(`heads divisible by kvHeads (got ${heads} / ${kvHeads})`);
  if ((dim / heads) % 2 !== 0) problems.push(`an even head dim for RoPE (got ${dim / heads})`);
  if (problems.length > 0) throw new InvalidInputError(`FullModel: expected ${problems.join("; ")}`);
  return {
    architecture,
    ropeStyle: architecture === "llama" ? "norm" : "neox",
    vocabSize,
    dim,
    layers,
    heads,
    kvHeads,
    headDim: dim / heads,
    ffnDim,
    contextLength: options.contextLength ?? 256,
    rmsEps: options.rmsEps ?? 1e-6,
    ropeBase: options.ropeBase ?? 10000,
  };
}
