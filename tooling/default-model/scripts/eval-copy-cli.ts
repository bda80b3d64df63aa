/**
 * Unseen-word copy rate as a user gets it: every copy probe through the shipped CLI (`nomen suggest "<description>"
 * --json`: sampling at temperature 0.8, up to 3 rounds, guard and output filter on, 10 names), one process per probe.
 *   npx tsx scripts/eval-copy-cli.ts --run base-v1 [--cli ../../apps/tui/dist/cli.js] [--limit N] [-- extra nomen flags]
 * Needs `pnpm build`. Compare with scripts/eval-copy.ts (the model alone, greedy, one answer).
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { type CopyProbe, copiesWord, REPO_ROOT, readJsonlRows, runPaths } from "../src/index.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    run: { type: "string", default: "base-v1" },
    cli: { type: "string", default: resolve(REPO_ROOT, "apps/tui/dist/cli.js") },
    limit: { type: "string" },
  },
});
const probes = (await readJsonlRows<CopyProbe>(runPaths(values.run).probes)).slice(
  0,
  values.limit ? Number(values.limit) : undefined,
);
const run = promisify(execFile);
const tally = { invented: { probes: 0, copied: 0 }, real: { probes: 0, copied: 0 } };
let names = 0;
for (const probe of probes) {
  const { stdout } = await run("node", [values.cli, "suggest", probe.description, "--json", ...positionals]);
  const domains = (JSON.parse(stdout) as { suggestions: { domain: string }[] }).suggestions.map((s) => s.domain);
  names += domains.length;
  tally[probe.kind].probes++;
  if (copiesWord(probe.word, domains)) tally[probe.kind].copied++;
}
const copied = tally.invented.copied + tally.real.copied;
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
console.log(
  `through nomen suggest: copy ${pct(copied, probes.length)} (${copied}/${probes.length}); invented ${pct(tally.invented.copied, tally.invented.probes)}, real ${pct(tally.real.copied, tally.real.probes)}; ${(names / Math.max(probes.length, 1)).toFixed(1)} names/probe`,
);
