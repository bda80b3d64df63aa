import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InvalidPipelineOptionsError } from "./errors.js";

/** The repository root (this file lives in tooling/default-model/src or dist). */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), "../../../..");

/** Where one run's files go: `models/runs/<run>/…` and `models/checkpoints/<run>/`. */
export interface RunPaths {
  run: string;
  runDir: string;
  dataDir: string;
  train: string;
  validation: string;
  probes: string;
  /** `dev-probes.ts`: unseen words disjoint from the gate's probes, for choosing checkpoints. */
  devProbes: string;
  /** `dev-safety.ts`: a second draw of the safety and edge suites plus ordinary descriptions. */
  devSafety: string;
  vocabulary: string;
  manifest: string;
  lossLog: string;
  checkpointDir: string;
  baseGguf: string;
}

/** Paths of run `run` under `modelsDir` (defaults to the repository's `models/`). */
export function runPaths(run: string, modelsDir = join(REPO_ROOT, "models")): RunPaths {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(run))
    throw new InvalidPipelineOptionsError(
      `run name: expected letters, digits, '.', '_' or '-', got ${JSON.stringify(run)}`,
    );
  const runDir = join(modelsDir, "runs", run);
  const dataDir = join(runDir, "data");
  return {
    run,
    runDir,
    dataDir,
    train: join(dataDir, "train.jsonl"),
    validation: join(dataDir, "validation.jsonl"),
    probes: join(dataDir, "copy-probes.jsonl"),
    devProbes: join(dataDir, "dev-probes.jsonl"),
    devSafety: join(dataDir, "dev-safety.jsonl"),
    vocabulary: join(dataDir, "vocabulary.json"),
    manifest: join(dataDir, "manifest.json"),
    lossLog: join(runDir, "loss.jsonl"),
    checkpointDir: join(modelsDir, "checkpoints", run),
    baseGguf: join(runDir, "nomen-base.gguf"),
  };
}
