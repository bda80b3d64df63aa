/**
 * Hyperparameter search over LoRA fine-tuning: grid (every combination) or random (a seeded sample of the grid
 * without repeats) over learning rate, rank, alpha and epochs, with the best validation loss as the objective.
 * Each trial trains a fresh adapter; its config and metrics are saved as JSON (atomically) when `outDir` is given.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { seededRandom } from "../data/seededRandom.js";
import type { TokenBatch } from "../data/TokenBatch.js";
import { AbortError, NonFiniteError, TrainingConfigError } from "../errors.js";
import { writeFileAtomic } from "../export/writeFileAtomic.js";
import { type CreateLoraOptions, LoraAdapter } from "../lora/LoraAdapter.js";
import type { DecoderModel } from "../models/DecoderModel.js";
import { DEFAULT_TRAINING_ARGS, type TrainingArgs } from "./TrainingArgs.js";
import { type TrainResult, train } from "./train.js";

/** Values to try per dimension; a missing dimension keeps the base value. */
export interface SweepSpace {
  learningRate?: number[];
  rank?: number[];
  alpha?: number[];
  epochs?: number[];
}

export interface TrialConfig {
  learningRate: number;
  rank: number;
  alpha: number;
  epochs: number;
}

export interface TrialResult {
  trial: number;
  config: TrialConfig;
  /** Lowest validation loss after training began (the objective); NaN when the trial failed. */
  validationLoss: number;
  initialValidationLoss: number;
  steps: number;
  seconds: number;
  stoppedEarly: boolean;
  /** The failure (e.g. a NonFiniteError) that ended this trial; the sweep goes on. */
  error?: string;
}

/** Options for {@link sweep}. */
export interface SweepOptions {
  model: DecoderModel;
  space: SweepSpace;
  /** Defaults to "grid". */
  method?: "grid" | "random";
  /** Trials for "random" (at most the grid's size). Defaults to 8. */
  trials?: number;
  /** Seeds the random sample. Defaults to 0. */
  seed?: number;
  /** LoRA options besides rank and alpha (targets, dropout, rsLora, seed). Defaults to the package defaults. */
  lora?: Omit<CreateLoraOptions, "rank" | "alpha">;
  /** Training arguments besides learningRate and epochs. Defaults to DEFAULT_TRAINING_ARGS. */
  args?: Partial<TrainingArgs>;
  trainBatches: readonly TokenBatch[];
  validationBatches: readonly TokenBatch[];
  /** Where `trial-NNN.json` and `results.json` go. Defaults to none. */
  outDir?: string;
  signal?: AbortSignal;
  onTrial?: (result: TrialResult) => void;
}

export interface SweepResult {
  /** In the order they ran. */
  trials: TrialResult[];
  best: TrialResult;
  /** Trials ranked by validation loss, as aligned text. */
  table: string;
}

/** Runs the trials one after another and returns them ranked. */
export async function sweep(options: SweepOptions): Promise<SweepResult> {
  const { space, method = "grid", trials = 8, seed = 0, outDir } = options;
  if (options.validationBatches.length === 0)
    throw new TrainingConfigError("sweep: validation batches are required (the objective is validation loss)");
  const base: TrialConfig = {
    learningRate: options.args?.learningRate ?? DEFAULT_TRAINING_ARGS.learningRate,
    rank: 8,
    alpha: 16,
    epochs: options.args?.epochs ?? DEFAULT_TRAINING_ARGS.epochs,
  };
  const grid = gridOf(space, base);
  const configs = method === "grid" ? grid : sample(grid, Math.min(trials, grid.length), seed);
  if (outDir) await mkdir(outDir, { recursive: true });
  const results: TrialResult[] = [];
  for (const [index, config] of configs.entries()) {
    if (options.signal?.aborted) throw new AbortError(`sweep aborted before trial ${index + 1}`);
    const result = await runTrial(options, index + 1, config);
    results.push(result);
    options.onTrial?.(result);
    if (outDir) await writeJsonAtomic(join(outDir, `trial-${String(index + 1).padStart(3, "0")}.json`), result);
  }
  const ranked = [...results].sort((a, b) => objective(a) - objective(b));
  const table = formatSweepTable(ranked);
  if (outDir) await writeJsonAtomic(join(outDir, "results.json"), { method, space, ranked });
  return { trials: results, best: ranked[0]!, table };
}

async function runTrial(options: SweepOptions, trial: number, config: TrialConfig): Promise<TrialResult> {
  const adapter = LoraAdapter.create(options.model, {
    log: () => {},
    ...options.lora,
    rank: config.rank,
    alpha: config.alpha,
  });
  const started = performance.now();
  let run: TrainResult | undefined;
  let error: string | undefined;
  let failedAt = 0;
  try {
    run = await train({
      adapter,
      trainBatches: options.trainBatches,
      validationBatches: options.validationBatches,
      args: { ...options.args, learningRate: config.learningRate, epochs: config.epochs, iters: null },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (caught) {
    if (caught instanceof AbortError) throw caught;
    error = String(caught);
    if (caught instanceof NonFiniteError) failedAt = caught.step;
  } finally {
    adapter.dispose();
  }
  const validations = run?.validationLosses ?? [];
  return {
    trial,
    config,
    validationLoss: error ? Number.NaN : Math.min(...validations.filter((v) => v.step > 0).map((v) => v.loss)),
    initialValidationLoss: validations[0]?.loss ?? Number.NaN,
    steps: run?.steps ?? failedAt,
    seconds: (performance.now() - started) / 1000,
    stoppedEarly: run?.stoppedEarly ?? false,
    ...(error ? { error } : {}),
  };
}

const objective = (r: TrialResult) => (Number.isNaN(r.validationLoss) ? Number.POSITIVE_INFINITY : r.validationLoss);

/** Every combination of the space's values (missing dimensions take the base value). */
export function gridOf(space: SweepSpace, base: TrialConfig): TrialConfig[] {
  let configs: TrialConfig[] = [base];
  for (const key of ["learningRate", "rank", "alpha", "epochs"] as const) {
    const values = space[key];
    if (values === undefined) continue;
    if (values.length === 0) throw new TrainingConfigError(`sweep: space.${key} is empty`);
    configs = configs.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return configs;
}

function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = seededRandom(seed);
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Ranked trials as an aligned text table (rank, trial, config, validation loss, steps, seconds). */
export function formatSweepTable(ranked: readonly TrialResult[]): string {
  const header = ["#", "trial", "lr", "rank", "alpha", "epochs", "val loss", "initial", "steps", "s"];
  const rows = ranked.map((r, i) => [
    String(i + 1),
    String(r.trial),
    r.config.learningRate.toExponential(1),
    String(r.config.rank),
    String(r.config.alpha),
    String(r.config.epochs),
    r.error ? "failed" : r.validationLoss.toFixed(4),
    r.initialValidationLoss.toFixed(4),
    String(r.steps),
    r.seconds.toFixed(1),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  return [header, ...rows].map((row) => row.map((cell, c) => cell.padStart(widths[c]!)).join("  ")).join("\n");
}

async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
