import { existsSync } from "node:fs";
import { DEFAULT_COMPANIES_PATH, formatEstimate, type JudgeCheckResult, judgeCheck } from "@nomen/evaluator";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exitCodes.js";
import type { CommandIo } from "../terminal.js";
import { processIo } from "../terminal.js";
import { withProgress } from "./withProgress.js";

/** Flags of `nomen eval judge-check`. */
export interface EvalJudgeCheckFlags {
  /** The real-companies JSONL. Defaults to `DEFAULT_COMPANIES_PATH` (`$NOMEN_COMPANIES_PATH`, else beside the repo). */
  data?: string;
  /** Report on the validation part of the train split (for tuning) instead of the test split. Defaults to false. */
  validation?: boolean;
  /** Shuffled domains per description. Defaults to "5". */
  negatives?: string;
  /** Print the result as JSON on stdout. Defaults to false. */
  json?: boolean;
}

/** The acceptance bar: the metric judge's no-mention AUC on the test split. */
export const JUDGE_CHECK_GOAL = 0.75;

/**
 * `nomen eval judge-check`: validates the metric judge on the real-companies file (learned parts trained on the
 * train split only; paired AUC of the real domain against shuffled ones, overall and on no-mention rows) and says
 * whether the no-mention goal holds. Skips with exit code 3 and a message when the file is absent.
 */
export async function evalJudgeCheckCommand(flags: EvalJudgeCheckFlags, io: CommandIo = processIo): Promise<number> {
  const dataPath = flags.data ?? DEFAULT_COMPANIES_PATH;
  const negatives = Number(flags.negatives ?? "5");
  if (!Number.isInteger(negatives) || negatives < 1 || negatives > 50)
    throw new UsageError(`--negatives must be a whole number 1–50, got ${flags.negatives}.`);
  if (!existsSync(dataPath)) {
    io.stderr.write(
      `nomen: judge-check skipped: the real-companies file is not at ${dataPath} (it stays outside the repository). ` +
        "Hint: --data path/to/companies.jsonl or NOMEN_COMPANIES_PATH.\n",
    );
    return ExitCode.missing;
  }
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once("SIGINT", onInterrupt);
  try {
    const result = await withProgress(
      "eval judge-check",
      async (store) => {
        const checked = await judgeCheck({
          dataPath,
          evaluateOn: flags.validation ? "validation" : "test",
          negatives,
          signal: controller.signal,
          onProgress: ({ phase, done, total }) => store.update({ phase, done, total }),
        });
        return { result: checked, message: `took ${(checked.durationMs / 1000).toFixed(1)} s` };
      },
      { ...io, interactive: Boolean(io.stdout.isTTY) && !flags.json },
    );
    io.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : formatJudgeCheck(result, dataPath));
    return ExitCode.ok;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

/** The report `judge-check` prints: one line per scorer and the verdict on the goal. */
export function formatJudgeCheck(result: JudgeCheckResult, dataPath: string): string {
  const lines = [
    `judge-check on the ${result.evaluatedOn} split of ${dataPath}: ${result.evaluatedRows} descriptions × ${result.negativesPerRow} shuffled domains; learned parts trained on ${result.trainRows} train rows`,
    ...result.results.map(
      (r) => `${r.scorer.padEnd(40)} overall ${formatEstimate(r.overall)}   no-mention ${formatEstimate(r.noMention)}`,
    ),
  ];
  const judge = result.results.at(-1);
  if (judge) {
    const met = judge.noMention.value >= JUDGE_CHECK_GOAL;
    lines.push(
      `goal: no-mention AUC ≥ ${JUDGE_CHECK_GOAL} on the ${result.evaluatedOn} split — ${met ? "met" : "NOT met"} (${judge.noMention.value.toFixed(3)})`,
    );
  }
  lines.push(`took ${(result.durationMs / 1000).toFixed(1)} s`);
  return `${lines.join("\n")}\n`;
}
