import type { GenerateDatasetOptions } from "./generateDataset.js";

/** The options a `nomen dataset generate` line can state. */
export type GenerateCommandOptions = Pick<
  GenerateDatasetOptions,
  "size" | "seed" | "outDir" | "requestShare" | "evasionShare" | "extraBlockedPhrases" | "benignEvasionShare"
>;

/**
 * The `nomen dataset generate` line that rebuilds a dataset made with these options (recorded on its card and in the
 * run log); options left at their defaults are not written.
 */
export function generateCommand(options: GenerateCommandOptions): string {
  const { requestShare = 0, evasionShare, extraBlockedPhrases = false, benignEvasionShare = 0 } = options;
  const flags = [
    requestShare > 0 ? ` --request-share ${requestShare}` : "",
    evasionShare !== undefined ? ` --evasion-share ${evasionShare}` : "",
    extraBlockedPhrases ? " --extra-blocked-phrases" : "",
    benignEvasionShare > 0 ? ` --benign-evasion-share ${benignEvasionShare}` : "",
  ].join("");
  return `nomen dataset generate --size ${options.size} --seed ${options.seed}${flags} --out ${options.outDir}`;
}
