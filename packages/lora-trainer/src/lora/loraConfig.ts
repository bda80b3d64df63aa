import { InvalidInputError } from "../errors.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";
import { PROJECTIONS, type Projection, projectionShape } from "../models/expectedTensors.js";

/** LoRA hyper-parameters (PEFT names). */
export interface LoraOptions {
  /** Rank r. Defaults to 8. */
  rank?: number;
  /** Scale numerator: ΔW = (alpha / r)·B·A, or alpha/√r with rsLoRA. Defaults to 16. */
  alpha?: number;
  /** Dropout on the LoRA branch's input while training. Defaults to 0.05. */
  dropout?: number;
  /** Projections to adapt, in every layer. Defaults to attn_q, attn_k, attn_v, attn_output. */
  targets?: readonly Projection[];
  /** Rank-stabilised scaling alpha/√r (Kalajdzievski 2023). Defaults to false. */
  rsLora?: boolean;
}

export type ResolvedLoraOptions = Required<LoraOptions>;

export const DEFAULT_LORA_TARGETS: readonly Projection[] = ["attn_q", "attn_k", "attn_v", "attn_output"];

/** Fills defaults and rejects values that cannot work, naming the field. */
export function resolveLoraOptions(options: LoraOptions = {}): ResolvedLoraOptions {
  const { rank = 8, alpha = 16, dropout = 0.05, targets = DEFAULT_LORA_TARGETS, rsLora = false } = options;
  if (!Number.isInteger(rank) || rank < 1)
    throw new InvalidInputError(`LoRA rank must be a positive integer, got ${rank}`);
  if (!(alpha > 0)) throw new InvalidInputError(`LoRA alpha must be positive, got ${alpha}`);
  if (!(dropout >= 0 && dropout < 1)) throw new InvalidInputError(`LoRA dropout must be in [0, 1), got ${dropout}`);
  const unknown = targets.filter((t) => !(PROJECTIONS as readonly string[]).includes(t));
  if (targets.length === 0 || unknown.length > 0) {
    throw new InvalidInputError(
      `LoRA targets must be a non-empty subset of ${PROJECTIONS.join(", ")}; got ${JSON.stringify(targets)}`,
    );
  }
  return { rank, alpha, dropout, targets: [...new Set(targets)], rsLora };
}

/** The multiplier of B·A: alpha/r, or alpha/√r with rsLoRA. */
export function loraScale(options: ResolvedLoraOptions): number {
  return options.rsLora ? options.alpha / Math.sqrt(options.rank) : options.alpha / options.rank;
}

/** Trainable parameters LoRA adds: r·(n_in + n_out) per target per layer. */
export function countLoraParameters(config: DecoderConfig, options: LoraOptions = {}): number {
  const { rank, targets } = resolveLoraOptions(options);
  const perLayer = targets.reduce((sum, target) => {
    const [nIn, nOut] = projectionShape(config, target);
    return sum + rank * (nIn + nOut);
  }, 0);
  return perLayer * config.layers;
}

/** `trainable params: 3,686,400 of 3,089,625,088 (0.12%)`: "of" counts the base plus the LoRA parameters, as PEFT does. */
export function formatTrainableParameters(trainable: number, baseParameters: number): string {
  const all = trainable + baseParameters;
  const percent = (100 * trainable) / all;
  return `trainable params: ${trainable.toLocaleString("en-US")} of ${all.toLocaleString("en-US")} (${percent.toFixed(2)}%)`;
}
