/**
 * LoRA (Hu et al. 2021) on the decoder's projections: y = x·W + b + scale·dropout(x)·A·B, with the base W frozen
 * (plain tensors) and only A [in, r], B [r, out] as tf.variables. A starts uniform in ±1/√in (PEFT's kaiming_uniform
 * with a=√5), B at zero, so a fresh adapter leaves the model unchanged.
 */
import type { Rank, Tensor2D, Variable } from "@tensorflow/tfjs";
import { packTransiently } from "../backend/wasmKernelFixes.js";
import { DisposedError } from "../errors.js";
import type { MemoryReport } from "../memory.js";
import type { DecoderModel } from "../models/DecoderModel.js";
import { linear, type ProjectionFn } from "../models/decoder.js";
import { type Projection, projectionShape } from "../models/expectedTensors.js";
import type { Linear } from "../models/weights.js";
import { frozenLinear, TransposedWeights } from "./frozenLinear.js";
import {
  formatTrainableParameters,
  type LoraOptions,
  loraScale,
  type ResolvedLoraOptions,
  resolveLoraOptions,
} from "./loraConfig.js";

const TRANSPOSED_BASE_MAX_BYTES = 256 * 2 ** 20;

/** One adapted projection: A [in, r], B [r, out]. */
export interface LoraPair {
  layer: number;
  target: Projection;
  a: Variable<Rank.R2>;
  b: Variable<Rank.R2>;
}

/** Options for {@link LoraAdapter.create}. */
export interface CreateLoraOptions extends LoraOptions {
  /** Seed of A's initialisation. Defaults to 0. */
  seed?: number;
  /**
   * Keep Wᵀ of every frozen projection so the backward pass skips a transpose and a weight packing per matmul
   * (see frozenLinear.ts; one more copy of the projection weights). Defaults to true when the projection weights
   * take at most 256 MiB as float32.
   */
  transposedBase?: boolean;
  /**
   * Let XNNPACK pack the frozen projection weights on each use instead of keeping a packed copy (wasm; see
   * `packTransiently`): the Qwen2.5-0.5B shape only trains at full depth this way. Undone by `dispose()`.
   * Defaults to true when the model's float32 weights plus their packed copies take over half the backend's limit.
   */
  transientPacking?: boolean;
  /** Receives `trainable params: N of M (P%)`. Defaults to `console.error`; pass `() => {}` for silence. */
  log?: (line: string) => void;
}

let instances = 0;

export class LoraAdapter {
  /** While true, dropout is applied to the LoRA branch's input. Defaults to false. */
  training = false;
  readonly scale: number;
  #disposed = false;

  private constructor(
    readonly model: DecoderModel,
    readonly options: ResolvedLoraOptions,
    readonly pairs: readonly LoraPair[],
    readonly transposed?: TransposedWeights,
    readonly transientPacking = false,
  ) {
    this.scale = loraScale(options);
  }

  /** Adds A, B variables for every target projection of every layer of `model`. */
  static create(model: DecoderModel, options: CreateLoraOptions = {}): LoraAdapter {
    const resolved = resolveLoraOptions(options);
    const { tf, config } = model;
    const id = instances++;
    const pairs: LoraPair[] = [];
    for (let layer = 0; layer < config.layers; layer++) {
      for (const target of resolved.targets) {
        const [nIn, nOut] = projectionShape(config, target);
        const bound = 1 / Math.sqrt(nIn);
        const seed = (options.seed ?? 0) * 1000 + layer * 16 + pairs.length;
        const a = tf.variable(
          tf.randomUniform([nIn, resolved.rank], -bound, bound, "float32", seed),
          true,
          `lora${id}.${layer}.${target}.a`,
        );
        const b = tf.variable(tf.zeros([resolved.rank, nOut]), true, `lora${id}.${layer}.${target}.b`);
        pairs.push({ layer, target, a: a as Variable<Rank.R2>, b: b as Variable<Rank.R2> });
      }
    }
    const projectionBytes = projectionWeights(model).reduce((n, w) => n + w.size * 4, 0);
    const keepTransposed = options.transposedBase ?? projectionBytes <= TRANSPOSED_BASE_MAX_BYTES;
    const transposed = keepTransposed ? new TransposedWeights(tf, model.weights) : undefined;
    const { memory } = model;
    const transient = options.transientPacking ?? memory.weightBytes + memory.packedBytes > memory.limitBytes / 2;
    if (transient) packTransiently(projectionWeights(model));
    const adapter = new LoraAdapter(model, resolved, pairs, transposed, transient);
    const log = options.log ?? ((line: string) => console.error(line));
    log(`lora-trainer: ${formatTrainableParameters(adapter.trainableParameters, model.memory.parameters)}`);
    return adapter;
  }

  /** The trainable variables (A and B of every pair), for an optimizer's varList. */
  get variables(): Variable[] {
    return this.pairs.flatMap((p) => [p.a, p.b]);
  }

  /**
   * The model's memory report as this adapter changes it: kept Wᵀ (and XNNPACK's packed copy of it) add twice the
   * projection weights; transient packing drops the packed copies but for the largest weight being packed.
   */
  get memory(): MemoryReport {
    const base = this.model.memory;
    const weights = projectionWeights(this.model);
    const transposedBytes = this.transposed?.bytes ?? 0;
    const packedBytes = this.transientPacking
      ? Math.max(...weights.map((w) => w.size * 4))
      : base.packedBytes + (base.backend === "wasm" ? transposedBytes : 0);
    const weightBytes = base.weightBytes + transposedBytes;
    const totalBytes = Math.round(
      (base.totalBytes * (weightBytes + packedBytes + base.workingBytes)) /
        (base.weightBytes + base.packedBytes + base.workingBytes),
    );
    return { ...base, weightBytes, packedBytes, totalBytes, fits: totalBytes <= base.limitBytes };
  }

  get trainableParameters(): number {
    return this.pairs.reduce((sum, p) => sum + p.a.size + p.b.size, 0);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** The pair adapting `target` in `layer`, if any. */
  pair(layer: number, target: Projection): LoraPair | undefined {
    return this.pairs.find((p) => p.layer === layer && p.target === target);
  }

  /** For `decoderForward({ project })`: base projection plus scale·dropout(x)·A·B. */
  readonly project: ProjectionFn = (x, layer, target, base) => {
    this.#ensureAlive();
    const { tf } = this.model;
    const y = this.frozenProject(x, base);
    const pair = this.pair(layer, target);
    if (!pair) return y;
    const input = this.training && this.options.dropout > 0 ? tf.dropout(x, this.options.dropout) : x;
    return y.add(tf.matMul(tf.matMul(input, pair.a), pair.b).mul(this.scale)) as Tensor2D;
  };

  /** The frozen base projection x·W + b (with the kept Wᵀ for its gradient when `transposedBase` is on). */
  frozenProject(x: Tensor2D, base: Linear): Tensor2D {
    const transposed = this.transposed?.of(base.weight);
    return transposed ? frozenLinear(this.model.tf, x, base, transposed) : linear(this.model.tf, x, base);
  }

  /** Like {@link LoraAdapter.project} but with the delta folded into the weight first: x·(W + scale·A·B) + b. */
  readonly mergedProject: ProjectionFn = (x, layer, target, base) => {
    this.#ensureAlive();
    const pair = this.pair(layer, target);
    if (!pair) return linear(this.model.tf, x, base);
    const { tf } = this.model;
    const merged = base.weight.add(tf.matMul(pair.a, pair.b).mul(this.scale)) as Tensor2D;
    return linear(tf, x, { ...base, weight: merged });
  };

  /** Logits [B, T, V] of the adapted model; call inside `tf.tidy` or a gradient function. */
  forward(tokens: Tensor2D) {
    return this.model.forward(tokens, { project: this.project });
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.transposed?.dispose();
    if (this.transientPacking) packTransiently(projectionWeights(this.model), { transient: false });
    for (const p of this.pairs) {
      p.a.dispose();
      p.b.dispose();
    }
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }

  #ensureAlive(): void {
    if (this.#disposed) throw new DisposedError("LoraAdapter was used after dispose()");
  }
}

function projectionWeights(model: DecoderModel): Tensor2D[] {
  return model.weights.layers.flatMap((l) => Object.values(l.projections).map((p: Linear) => p.weight));
}
