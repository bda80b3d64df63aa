import { readDatasetCard, renderCardMarkdown, verifyDataset } from "@nomen/dataset-gen";
import { UsageError } from "../errors.js";
import { type CommandIo, processIo } from "../terminal.js";

/** Flags of `nomen dataset card`. */
export interface DatasetCardFlags {
  json?: boolean;
  verify?: boolean;
}

/**
 * `nomen dataset card <dir>`: prints a dataset's card (Markdown, or JSON with `--json`); with `--verify` it also
 * re-reads every file against the card (hashes, counts, validity, leakage) and exits 1 when anything disagrees.
 */
export async function datasetCardCommand(
  dir: string,
  flags: DatasetCardFlags,
  io: CommandIo = processIo,
): Promise<number> {
  let card: ReturnType<typeof readDatasetCard>;
  try {
    card = readDatasetCard({ dir });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const verification = flags.verify ? verifyDataset({ dir, throwOnProblem: false }) : undefined;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(verification ? { card, verification } : card, null, 2)}\n`);
  } else {
    io.stdout.write(renderCardMarkdown(card));
    if (verification) {
      const ok = verification.problems.length === 0;
      io.stdout.write(
        `\nverify: ${verification.examples} examples, ${verification.targetDomains} target domains, ` +
          `${verification.invalidDomains.length} invalid, ${verification.crossSplitNearDuplicates} near-duplicates across splits, ` +
          `${verification.groupsAcrossSplits.length} groups across splits — ${ok ? "ok" : "PROBLEMS"}\n`,
      );
      for (const problem of verification.problems) io.stdout.write(`  - ${problem}\n`);
    }
  }
  return verification && verification.problems.length > 0 ? 1 : 0;
}
