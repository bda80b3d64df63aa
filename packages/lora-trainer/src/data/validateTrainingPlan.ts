import { InsufficientMemoryError, InvalidInputError, TrainingPlanError } from "../errors.js";
import { countLoraParameters, type LoraOptions, resolveLoraOptions } from "../lora/loraConfig.js";
import { formatBytes, type MemoryReport } from "../memory.js";
import type { DecoderConfig } from "../models/DecoderConfig.js";
import { projectionShape } from "../models/expectedTensors.js";
import { estimateTrainingMemory } from "./estimateTrainingMemory.js";

/** What {@link validateTrainingPlan} checks against a model. */
export interface TrainingPlan {
  config: DecoderConfig;
  /** LoRA settings; omit for full (from-scratch) training. */
  lora?: LoraOptions;
  /** Longest training example in tokens. Defaults to the context length. */
  maxLength?: number;
  /** Defaults to 1. */
  batchSize?: number;
  /** The model's memory report (`model.memory`); when given, a step that would not fit is refused. */
  memory?: MemoryReport;
}

/**
 * Checks, before any tensor is allocated, that a training run can work on this model: LoRA options are valid and the
 * rank is at most every target projection's smaller dimension (a larger rank adds parameters but no capacity: B·A
 * cannot exceed rank min(n_in, n_out)), the sequence length fits the context, the batch size is a positive integer,
 * and (given `memory`) that one step's predicted peak fits the backend ({@link estimateTrainingMemory}).
 * @throws TrainingPlanError listing every problem; InsufficientMemoryError when the step would not fit.
 */
export function validateTrainingPlan(plan: TrainingPlan): void {
  const { config, maxLength = config.contextLength, batchSize = 1 } = plan;
  const problems: string[] = [];
  if (plan.lora) {
    try {
      const lora = resolveLoraOptions(plan.lora);
      for (const target of lora.targets) {
        const [nIn, nOut] = projectionShape(config, target);
        if (lora.rank > Math.min(nIn, nOut)) {
          problems.push(`LoRA rank ${lora.rank} exceeds ${target}'s dims [${nIn} in, ${nOut} out]`);
        }
      }
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(error.message);
    }
  }
  if (!Number.isInteger(maxLength) || maxLength < 2 || maxLength > config.contextLength) {
    problems.push(`maxLength ${maxLength} must be an integer in [2, ${config.contextLength}] (the context length)`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1)
    problems.push(`batchSize must be a positive integer, got ${batchSize}`);
  if (problems.length > 0) {
    throw new TrainingPlanError(
      `cannot train this ${config.architecture} model (dim ${config.dim}, ${config.layers} layers, ` +
        `${config.heads}/${config.kvHeads} heads, ffn ${config.ffnDim}): ${problems.join("; ")}. ` +
        "Hint: pick a LoRA rank at most the smallest target dimension (8–64 is usual).",
    );
  }
  if (plan.memory) {
    const trainableParameters = plan.lora ? countLoraParameters(config, plan.lora) : plan.memory.parameters;
    const report = estimateTrainingMemory({
      config,
      memory: plan.memory,
      batchSize,
      seqLen: maxLength,
      trainableParameters,
    });
    if (!report.fits) {
      throw new InsufficientMemoryError(
        `a training step of ${batchSize}×${maxLength} tokens needs ~${formatBytes(report.totalBytes)} ` +
          `(model ${formatBytes(report.modelBytes)}, optimizer ${formatBytes(report.optimizerBytes)}, activations ` +
          `${formatBytes(report.activationBytes)}) but the ${plan.memory.backend} backend has ${formatBytes(report.limitBytes)}. ` +
          "Hint: lower the batch size (use gradient accumulation instead) or maxLength" +
          (plan.memory.backend === "wasm" ? ", or install @tensorflow/tfjs-node (no 4 GiB heap cap)." : "."),
      );
    }
  }
}
