/** One line of a run's `loss.jsonl` (the fields this module reads). */
export interface LossLine {
  step: number;
  totalSteps: number;
  loss: number;
  validationLoss?: number;
  tokensSeen: number;
  tokensPerSecond: number;
  time: string;
}

/** One row of {@link lossCurve}: mean training loss over the steps since the previous row. */
export interface LossCurveRow {
  step: number;
  tokensSeen: number;
  meanLoss: number;
  validationLoss: number | null;
  time: string;
}

/** Options for {@link lossCurve}. */
export interface LossCurveOptions {
  /** A row every this many steps (and at the last step). Defaults to 50. */
  every?: number;
}

/**
 * Summarizes a loss log: the later line wins when a resume repeated steps, rows every `every` steps with the mean
 * training loss of the window and the validation loss logged at that step (if any).
 */
export function lossCurve(lines: readonly LossLine[], options: LossCurveOptions = {}): LossCurveRow[] {
  const every = options.every ?? 50;
  const byStep = new Map<number, LossLine>();
  for (const line of lines) byStep.set(line.step, line);
  const steps = [...byStep.values()].sort((a, b) => a.step - b.step);
  const rows: LossCurveRow[] = [];
  let window: number[] = [];
  for (const [i, line] of steps.entries()) {
    window.push(line.loss);
    if (line.step % every === 0 || i === steps.length - 1) {
      rows.push({
        step: line.step,
        tokensSeen: line.tokensSeen,
        meanLoss: window.reduce((a, b) => a + b, 0) / window.length,
        validationLoss: line.validationLoss ?? null,
        time: line.time,
      });
      window = [];
    }
  }
  return rows;
}

/** The rows as a Markdown table (for the model card). */
export function formatLossCurve(rows: readonly LossCurveRow[]): string {
  const head = "| step | tokens | mean train loss | validation loss | time (UTC) |\n|---|---|---|---|---|";
  const body = rows.map(
    (r) =>
      `| ${r.step} | ${(r.tokensSeen / 1e6).toFixed(2)}M | ${r.meanLoss.toFixed(3)} | ${r.validationLoss?.toFixed(3) ?? "—"} | ${r.time.slice(0, 16).replace("T", " ")} |`,
  );
  return [head, ...body].join("\n");
}
