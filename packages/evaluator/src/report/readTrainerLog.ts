import { existsSync, readFileSync } from "node:fs";
import { DatasetNotFoundError } from "../errors.js";
import type { LossCurve } from "./charts.js";

/**
 * Reads training losses into loss curves. Accepts either a JSONL log (one object per step with
 * `step` and `loss`, optionally `valLoss`/`val_loss`; other lines are skipped) or one JSON object
 * shaped like @nomen/lora-trainer's result / checkpoint header: `losses: number[]` (one per step)
 * and `validationLosses: {step, loss}[]`.
 */
export function readTrainerLog(path: string, label = "train"): LossCurve[] {
  if (!existsSync(path)) throw new DatasetNotFoundError(path);
  const whole = tryParse(readFileSync(path, "utf8"));
  if (whole && Array.isArray(whole.losses)) {
    const points = (whole.losses as unknown[]).flatMap((loss, i) =>
      typeof loss === "number" ? [{ step: i + 1, loss }] : [],
    );
    const validation = Array.isArray(whole.validationLosses)
      ? (whole.validationLosses as { step?: unknown; loss?: unknown }[]).flatMap((v) =>
          typeof v?.step === "number" && typeof v.loss === "number" ? [{ step: v.step, loss: v.loss }] : [],
        )
      : [];
    return [{ label, points }, ...(validation.length ? [{ label: `${label} (validation)`, points: validation }] : [])];
  }
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

function tryParse(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
