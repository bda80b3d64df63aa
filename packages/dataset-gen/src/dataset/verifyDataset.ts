import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCard } from "../card/buildCard.js";
import { readDatasetCard } from "../card/datasetCardIo.js";
import { DatasetIntegrityError } from "../errors.js";
import { parseAssistantTurn } from "../format/assistantTurn.js";
import { parseJsonl } from "../format/jsonl.js";
import type { ChatRecord } from "../format/records.js";
import type { TargetChecker } from "../teacher/checkTarget.js";
import { createTargetChecker } from "../teacher/checkTarget.js";
import { type Example, type ExampleMeta, SPLITS } from "./Example.js";
import { type GroupAcrossSplits, groupsAcrossSplits } from "./groupsAcrossSplits.js";
import { findNearDuplicates } from "./nearDuplicates.js";
import { splitFiles } from "./writeDataset.js";

/** What {@link verifyDataset} measured. */
export interface DatasetVerification {
  examples: number;
  targetDomains: number;
  invalidDomains: string[];
  crossSplitNearDuplicates: number;
  /** Groups with examples in more than one split (leakage: the model trains on a business it is tested on). */
  groupsAcrossSplits: GroupAcrossSplits[];
  problems: string[];
}

/**
 * Re-reads a dataset folder and checks it against its card: file hashes and line counts, every count the card
 * reports (recomputed from the files), assistant turns in the exact schema, every target domain through `check`,
 * no group (business type, invented word, blocked phrase) in more than one split, and no near-duplicate across
 * splits. Throws {@link DatasetIntegrityError} listing every problem, unless `throwOnProblem` is false.
 */
export function verifyDataset(options: {
  dir: string;
  check?: TargetChecker;
  throwOnProblem?: boolean;
}): DatasetVerification {
  const { dir, check = createTargetChecker(), throwOnProblem = true } = options;
  const card = readDatasetCard({ dir });
  const problems: string[] = [];
  const examples: Example[] = [];
  for (const [file, expected] of Object.entries(card.files)) {
    const content = readFileSync(join(dir, file));
    const sha256 = createHash("sha256").update(content).digest("hex");
    if (sha256 !== expected.sha256) problems.push(`${file}: sha256 ${sha256}, card says ${expected.sha256}`);
  }
  for (const split of SPLITS) {
    const names = splitFiles(split);
    const chat = parseJsonl<ChatRecord>(readFileSync(join(dir, names.chat), "utf8"));
    const meta = parseJsonl<Omit<ExampleMeta, "domains"> & { id: string; group: string }>(
      readFileSync(join(dir, names.meta), "utf8"),
    );
    const completion = parseJsonl(readFileSync(join(dir, names.completion), "utf8"));
    if (chat.length !== meta.length || chat.length !== completion.length) {
      problems.push(`${split}: ${chat.length} chat, ${completion.length} completion, ${meta.length} meta lines`);
    }
    chat.forEach((record, i) => {
      const { id, group, ...m } = meta[i]!;
      const assistant = record.messages[2].content;
      const domains = parseAssistantTurn(assistant).suggestions;
      if (domains.length !== m.strategies.length) problems.push(`${id}: assistant turn and metadata disagree`);
      examples.push({ id, group, text: record.messages[1].content, assistant, split, meta: { ...m, domains } });
    });
  }
  const recomputed = buildCard(examples, { name: card.name, seed: card.seed, command: card.command });
  for (const key of ["splits", "counts", "diversity", "lengths", "size"] as const) {
    if (JSON.stringify(recomputed[key]) !== JSON.stringify(card[key]))
      problems.push(`card ${key} does not match the files`);
  }
  const domains = examples.flatMap((e) => e.meta.domains);
  const invalidDomains = domains.filter((d) => !check(d).ok);
  if (invalidDomains.length > 0) problems.push(`${invalidDomains.length} target domains fail the checker`);
  const crossSplitNearDuplicates = findNearDuplicates(
    examples.map((e) => e.text),
    { consider: (i, j) => examples[i]!.split !== examples[j]!.split },
  ).length;
  const spanning = groupsAcrossSplits(examples);
  if (spanning.length > 0) {
    const shown = spanning.slice(0, 5).map(({ group, splits }) => `${JSON.stringify(group)} ${JSON.stringify(splits)}`);
    problems.push(
      `${spanning.length} groups have examples in more than one split (expected each group in one split): ${shown.join(", ")}${spanning.length > 5 ? ", …" : ""}`,
    );
  }
  if (crossSplitNearDuplicates > 0) problems.push(`${crossSplitNearDuplicates} near-duplicate pairs across splits`);
  if (throwOnProblem && problems.length > 0) {
    throw new DatasetIntegrityError(
      `verifyDataset: ${dir} has ${problems.length} problems:\n- ${problems.slice(0, 20).join("\n- ")}`,
    );
  }
  return {
    examples: examples.length,
    targetDomains: domains.length,
    invalidDomains,
    crossSplitNearDuplicates,
    groupsAcrossSplits: spanning,
    problems,
  };
}
