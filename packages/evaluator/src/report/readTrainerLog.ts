import { existsSync, readFileSync } from "node:fs";
import { DatasetNotFoundError } from "../errors.js";
import type { LossCurve } from "./charts.js";

/**
 * Reads a trainer log (JSONL, one object per step with `step` and `loss`, optionally
 * `valLoss`/`val_loss`) into loss curves. Lines without a numeric step and loss are skipped.
 * Integration point: @nomen/lora-trainer's log format.
 */
export function readTrainerLog(path: string, label = "train"): LossCurve[] {
  if (!existsSync(path)) throw new DatasetNotFoundError(path);
  const train: { step: number; loss: number }[] = [];
  const validation: { step: number; loss: number }[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim().startsWith("{")) continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const step = Number(row.step ?? row.iteration);
    if (!Number.isFinite(step)) continue;
    if (typeof row.loss === "number") train.push({ step, loss: row.loss });
    const val = row.valLoss ?? row.val_loss;
    if (typeof val === "number") validation.push({ step, loss: val });
  }
  return [
    { label, points: train },
    ...(validation.length ? [{ label: `${label} (validation)`, points: validation }] : []),
  ];
}
