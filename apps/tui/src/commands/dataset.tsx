import { resolve } from "node:path";
import { generateCommand, generateDataset } from "@nomen/dataset-gen";
import { loadCliConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { newRunId, type RunRecord, saveRun } from "../runs.js";
import { type CommandIo, processIo } from "../terminal.js";
import { withProgress } from "./withProgress.js";

/** Flags of `nomen dataset generate`. */
export interface DatasetFlags {
  size: string;
  seed: string;
  out: string;
  requestShare?: string;
  evasionShare?: string;
  extraBlockedPhrases?: boolean;
  benignEvasionShare?: string;
  config?: string;
}

/** `nomen dataset generate`: synthetic training data with live progress, recorded as a run. */
export async function datasetGenerateCommand(flags: DatasetFlags, io: CommandIo = processIo): Promise<number> {
  const size = Number(flags.size);
  if (!Number.isInteger(size) || size < 1)
    throw new UsageError(`--size must be a positive integer, got ${flags.size}.`);
  const requestShare = Number(flags.requestShare ?? "0");
  if (!(requestShare >= 0 && requestShare <= 1))
    throw new UsageError(`--request-share must be a number in 0–1, got ${flags.requestShare}.`);
  const evasionShare = flags.evasionShare === undefined ? undefined : Number(flags.evasionShare);
  if (evasionShare !== undefined && !(evasionShare >= 0 && evasionShare <= 1))
    throw new UsageError(`--evasion-share must be a number in 0–1, got ${flags.evasionShare}.`);
  const benignEvasionShare = Number(flags.benignEvasionShare ?? "0");
  if (!(benignEvasionShare >= 0 && benignEvasionShare <= 1))
    throw new UsageError(`--benign-evasion-share must be a number in 0–1, got ${flags.benignEvasionShare}.`);
  const { runsDir } = loadCliConfig({ file: flags.config, env: io.env });
  const command = generateCommand({
    size,
    seed: flags.seed,
    outDir: flags.out,
    requestShare,
    evasionShare,
    extraBlockedPhrases: flags.extraBlockedPhrases,
    benignEvasionShare,
  });
  const run: RunRecord = {
    id: newRunId("dataset"),
    kind: "dataset",
    command,
    startedAt: new Date().toISOString(),
    status: "running",
    summary: {},
    output: resolve(flags.out),
  };
  saveRun(runsDir, run);
  try {
    const card = await withProgress(
      `dataset ${flags.out}`,
      async (store) => {
        const result = await generateDataset({
          size,
          seed: flags.seed,
          outDir: flags.out,
          command,
          requestShare,
          evasionShare,
          extraBlockedPhrases: flags.extraBlockedPhrases,
          benignEvasionShare,
          onProgress: (progress) => store.update({ phase: progress.phase, done: progress.done, total: progress.total }),
        });
        store.update({ lines: Object.entries(result.splits).map(([split, n]) => `${split.padEnd(10)} ${n}`) });
        return { result, message: `wrote ${flags.out} (${Object.values(result.splits).join(" / ")} examples)` };
      },
      { ...io, interactive: Boolean(io.stdout.isTTY) },
    );
    saveRun(runsDir, {
      ...run,
      status: "succeeded",
      finishedAt: new Date().toISOString(),
      summary: { splits: card.splits },
    });
    return 0;
  } catch (error) {
    saveRun(runsDir, {
      ...run,
      status: "failed",
      finishedAt: new Date().toISOString(),
      summary: { error: String(error) },
    });
    throw error;
  }
}
