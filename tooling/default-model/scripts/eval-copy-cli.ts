/**
 * Unseen-word copy rate as a user gets it: every copy probe through the shipped CLI (`nomen suggest "<description>"
 * --json`: sampling at temperature 0.8, up to 3 rounds, guard and output filter on, 10 names), one process per probe.
 *   npx tsx scripts/eval-copy-cli.ts --run base-v1 [--cli ../../apps/tui/dist/cli.js] [--limit N] [-- extra nomen flags]
 * Needs `pnpm build`. Compare with scripts/eval-copy.ts (the model alone, greedy, one answer).
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { type CopyOutcome, type CopyProbe, REPO_ROOT, readJsonlRows, runPaths, scoreCopies } from "../src/index.js";

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
const outcomes: (CopyOutcome & { kind: CopyProbe["kind"] })[] = [];
for (const probe of probes) {
  const { stdout } = await run("node", [values.cli, "suggest", probe.description, "--json", ...positionals]);
  const domains = (JSON.parse(stdout) as { suggestions: { domain: string }[] }).suggestions.map((s) => s.domain);
  outcomes.push({ kind: probe.kind, word: probe.word, domains, parsed: true, valid: domains.length });
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const all = scoreCopies(outcomes);
const [invented, real] = (["invented", "real"] as const).map((kind) =>
  scoreCopies(outcomes.filter((o) => o.kind === kind)),
);
console.log(
  `through nomen suggest: copy ${pct(all.copyRate)} (${all.copied}/${all.probes}); invented ${pct(invented?.copyRate ?? 0)}, real ${pct(real?.copyRate ?? 0)}; ${all.meanDomains.toFixed(1)} names/probe`,
);
