/**
 * The training loop, read top to bottom like nanoGPT's train.py: per optimizer step, `gradAccumulation`
 * micro-batches' gradients are averaged, checked for NaN/Inf, clipped to a global norm and applied by AdamW at the
 * scheduled learning rate; validation, early stopping, progress events and atomic checkpoints follow. The data order,
 * dropout masks and every update are functions of (seed, step), so a resumed run repeats the uninterrupted one exactly.
 */
import type { Tensor } from "@tensorflow/tfjs";
import type { TokenBatch } from "../data/TokenBatch.js";
import { validateTrainingPlan } from "../data/validateTrainingPlan.js";
import { AbortError, TrainingConfigError } from "../errors.js";
import type { LoraAdapter } from "../lora/LoraAdapter.js";
import { nextTokenLoss } from "../lora/nextTokenLoss.js";
import type { DecoderModel } from "../models/DecoderModel.js";
import { AdamW } from "./AdamW.js";
import { latestCheckpoint, pruneCheckpoints, writeCheckpoint } from "./checkpoint.js";
import { createDataOrder } from "./dataOrder.js";
import { batchTensors, evaluateLoss } from "./evaluate.js";
import { findNonFinite } from "./nonFinite.js";
import { checkpointState, restoreCheckpoint } from "./resume.js";
import { learningRateAt } from "./schedule.js";
import { loraTrainable, type Trainable } from "./Trainable.js";
import { resolveTrainingArgs, type TrainingArgs } from "./TrainingArgs.js";
import { validateBatches } from "./validateBatches.js";

/** One progress event per optimizer step (for the terminal UI). */
export interface TrainingProgress {
  step: number;
  totalSteps: number;
  /** Mean training loss of this step's micro-batches. */
  loss: number;
  lr: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  tokensPerSecond: number;
  etaSeconds: number;
  /** Present on steps that ran a validation. */
  validationLoss?: number;
}

/** Options for {@link train}: pass `adapter` (LoRA), `fullModel`, or any {@link Trainable}. */
export interface TrainOptions {
  /** The base model; when given with `adapter` it must be the adapter's model. */
  model?: DecoderModel;
  adapter?: LoraAdapter;
  fullModel?: Trainable;
  trainBatches: Iterable<TokenBatch>;
  /** Defaults to none (no validation, no early stopping). */
  validationBatches?: readonly TokenBatch[];
  /** Defaults to {@link DEFAULT_TRAINING_ARGS}. */
  args?: Partial<TrainingArgs>;
  /** Where checkpoints go. Defaults to none (no checkpoints). */
  checkpointDir?: string;
  /**
   * Resume from the newest checkpoint in `checkpointDir` (true; starts fresh when there is none) or from this checkpoint
   * file. The arguments must equal the checkpoint's. Defaults to false.
   */
  resume?: boolean | string;
  signal?: AbortSignal;
  /**
   * On abort, write a checkpoint (atomically, like the periodic ones) at the last completed step before rejecting, so
   * a resume redoes no finished step. Needs `checkpointDir`. Defaults to true when `checkpointDir` is set.
   */
  checkpointOnAbort?: boolean;
  onProgress?: (progress: TrainingProgress) => void;
  /** Called after each checkpoint is written. */
  onCheckpoint?: (path: string, step: number) => void;
}

export interface TrainResult {
  /** Optimizer steps completed (including those before a resume). */
  steps: number;
  totalSteps: number;
  /** Mean training loss per step. */
  losses: number[];
  validationLosses: { step: number; loss: number }[];
  bestValidationLoss: number | null;
  stoppedEarly: boolean;
  /** The checkpoint this run resumed from, if any. */
  resumedFrom?: string;
  args: TrainingArgs;
}

/** Trains `adapter` / `fullModel` in place. Throws NonFiniteError, AbortError, TrainingConfigError, CheckpointMismatchError. */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const trainable = resolveTrainable(options);
  const { tf } = trainable;
  const args = resolveTrainingArgs(options.args);
  const batches = Array.from(options.trainBatches);
  const validation = options.validationBatches ?? [];
  validateBatches(trainable.config, batches, validation);
  if (options.adapter) {
    // Rank vs dims, and one step's predicted peak vs the backend's memory, before any tensor is allocated.
    const all = [...batches, ...validation];
    validateTrainingPlan({
      config: trainable.config,
      lora: options.adapter.options,
      maxLength: Math.max(...all.map((b) => b.seqLen)),
      batchSize: Math.max(...all.map((b) => b.batchSize)),
      memory: options.adapter.memory,
    });
  }

  const totalMicroBatches = args.iters === null ? args.epochs * batches.length : args.iters * args.gradAccumulation;
  const totalSteps = Math.ceil(totalMicroBatches / args.gradAccumulation);
  const batchAt = createDataOrder(batches.length, args.seed, args.shuffle);
  const variables = trainable.parameters.map((p) => p.variable);
  const optimizer = new AdamW(tf, trainable.parameters, args);
  const state = {
    step: 0,
    microBatches: 0,
    losses: [] as number[],
    validationLosses: [] as { step: number; loss: number }[],
    bestValidationLoss: null as number | null,
    evaluationsWithoutImprovement: 0,
  };
  let resumedFrom: string | undefined;
  try {
    if (options.resume) {
      resumedFrom =
        typeof options.resume === "string" ? options.resume : await latestCheckpointIn(options.checkpointDir);
      if (resumedFrom) Object.assign(state, await restoreCheckpoint(resumedFrom, trainable, optimizer, args));
    }
    if (state.step === 0 && validation.length > 0) {
      const initial = evaluateLoss(trainable, validation); // the baseline every later validation compares with
      state.validationLosses.push({ step: 0, loss: initial });
      state.bestValidationLoss = initial;
    }
    const started = performance.now();
    const startStep = state.step;
    const saveOnAbort = options.checkpointDir !== undefined && (options.checkpointOnAbort ?? true);
    let tokens = 0;
    let stoppedEarly = false;
    while (state.step < totalSteps && !stoppedEarly) {
      const { step } = state;
      const lr = learningRateAt(step, { ...args, totalSteps });
      let accumulated: Tensor[] | undefined;
      let lossSum = 0;
      let micro = 0;
      const stepStart = state.microBatches; // the data position of this step's boundary
      for (; micro < args.gradAccumulation && state.microBatches < totalMicroBatches; micro++) {
        // On wasm every await in a step resolves as a microtask, so without this the event loop never turns during
        // training: no SIGINT handler (Ctrl-C → abort) and no terminal redraw would run until the end.
        await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) {
          tf.dispose(accumulated ?? []); // this step's partial gradients are dropped; the resume recomputes them
          if (saveOnAbort && state.step > startStep) {
            const checkpoint = await checkpointState({ ...state, microBatches: stepStart }, args, trainable, optimizer);
            const path = await writeCheckpoint(options.checkpointDir!, checkpoint);
            await pruneCheckpoints(options.checkpointDir!, args.keepCheckpoints);
            options.onCheckpoint?.(path, state.step);
          }
          throw new AbortError(`training aborted at step ${step}`, { cause: options.signal.reason });
        }
        const batchIndex = batchAt(state.microBatches);
        const batch = batches[batchIndex]!;
        const { ids, mask } = batchTensors(trainable, batch);
        const dropoutSeed = args.seed * 1_000_003 + state.microBatches;
        const { value, grads } = tf.variableGrads(
          () => nextTokenLoss(tf, trainable.forward(ids, dropoutSeed), ids, mask),
          variables,
        );
        tf.dispose([ids, mask]);
        const ordered = trainable.parameters.map((p) => grads[p.variable.name]!);
        const loss = (await value.data())[0]!;
        value.dispose();
        const problem = await findNonFinite(tf, loss, trainable.parameters, ordered);
        if (problem) {
          tf.dispose([...ordered, ...(accumulated ?? [])]);
          throw problem.toError(step, batchIndex);
        }
        lossSum += loss;
        tokens += batch.tokens;
        accumulated = accumulate(tf, accumulated, ordered);
        state.microBatches++;
      }
      const grads = accumulated!;
      const { clipped, norm } = clipByGlobalNorm(tf, grads, micro, args.maxGradNorm);
      optimizer.apply(clipped, lr);
      tf.dispose([...grads, ...clipped]);
      state.losses.push(lossSum / micro);
      state.step++;

      let validationLoss: number | undefined;
      const evaluate = state.step === totalSteps || (args.evalEvery > 0 && state.step % args.evalEvery === 0);
      if (validation.length > 0 && evaluate) {
        validationLoss = evaluateLoss(trainable, validation);
        state.validationLosses.push({ step: state.step, loss: validationLoss });
        if (state.bestValidationLoss === null || validationLoss < state.bestValidationLoss - args.minDelta) {
          state.bestValidationLoss = validationLoss;
          state.evaluationsWithoutImprovement = 0;
        } else if (++state.evaluationsWithoutImprovement >= args.patience && args.patience > 0) stoppedEarly = true;
      }
      const seconds = (performance.now() - started) / 1000;
      const perStep = seconds / (state.step - startStep);
      options.onProgress?.({
        step: state.step,
        totalSteps,
        loss: state.losses.at(-1)!,
        lr,
        gradNorm: norm,
        tokensPerSecond: tokens / seconds,
        etaSeconds: stoppedEarly ? 0 : perStep * (totalSteps - state.step),
        ...(validationLoss === undefined ? {} : { validationLoss }),
      });
      if (options.checkpointDir && args.checkpointEvery > 0 && state.step % args.checkpointEvery === 0) {
        const checkpoint = await checkpointState(state, args, trainable, optimizer);
        const path = await writeCheckpoint(options.checkpointDir, checkpoint);
        await pruneCheckpoints(options.checkpointDir, args.keepCheckpoints);
        options.onCheckpoint?.(path, state.step);
      }
    }
    return {
      steps: state.step,
      totalSteps,
      losses: state.losses,
      validationLosses: state.validationLosses,
      bestValidationLoss: state.bestValidationLoss,
      stoppedEarly,
      ...(resumedFrom ? { resumedFrom } : {}),
      args,
    };
  } finally {
    optimizer.dispose();
  }
}

function resolveTrainable(options: TrainOptions): Trainable {
  const given = [options.adapter, options.fullModel].filter(Boolean).length;
  if (given !== 1) throw new TrainingConfigError(`train: pass exactly one of adapter or fullModel (got ${given})`);
  if (options.adapter) {
    if (options.model && options.adapter.model !== options.model)
      throw new TrainingConfigError("train: the adapter was created for another model than `model`");
    return loraTrainable(options.adapter);
  }
  return options.fullModel!;
}

async function latestCheckpointIn(dir: string | undefined): Promise<string | undefined> {
  if (!dir) throw new TrainingConfigError("train: resume: true needs checkpointDir");
  return latestCheckpoint(dir);
}

/** Running sum of micro-batch gradients; disposes the inputs it replaces. */
function accumulate(tf: Trainable["tf"], sum: Tensor[] | undefined, grads: Tensor[]): Tensor[] {
  if (!sum) return grads;
  const next = tf.tidy(() => sum.map((s, i) => s.add(grads[i]!)));
  tf.dispose([...sum, ...grads]);
  return next;
}

/** Mean over `count` micro-batches, then scaled so the global L2 norm is at most `maxNorm` (0 = no clipping). */
function clipByGlobalNorm(tf: Trainable["tf"], sum: Tensor[], count: number, maxNorm: number) {
  const squared = tf.tidy(() => tf.addN(sum.map((g) => g.square().sum())).div(count * count));
  const norm = Math.sqrt(squared.dataSync()[0]!);
  squared.dispose();
  const scale = maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
  const clipped = tf.tidy(() => sum.map((g) => g.mul(scale / count)));
  return { clipped, norm };
}
