/**
 * Cold start of the input guard: a new process imports `@nomen/guard` (built `dist`) and runs its
 * first `checkInput`, as `nomen suggest` does. Each run is a fresh `node`; with `--compare <dir>`
 * (another build's `dist`, e.g. from `git worktree`) the two alternate run by run, so machine load
 * hits both alike. Run: `pnpm --filter @nomen/guard bench:cold -- --runs 21 [--compare /path/dist]`.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchEnvironment, summarize, type Timings } from "@nomen/bench";

const { values } = parseArgs({
  // pnpm passes the "--" on: drop it so the options after it are read.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { runs: { type: "string", default: "21" }, compare: { type: "string" } },
});
const runs = Number(values.runs);
const entries: Array<{ name: string; url: string }> = [
  { name: "this build", url: new URL("../dist/index.js", import.meta.url).href },
];
if (values.compare) entries.push({ name: "compare", url: new URL(`file://${resolve(values.compare)}/index.js`).href });

// Runs in the child: times the import and the first call with the child's own clock.
const probe = `
const t0 = performance.now();
const guard = await import(process.argv[1]);
const t1 = performance.now();
const verdict = guard.checkInput("organic coffee shop downtown");
const t2 = performance.now();
if (!verdict.allowed) throw new Error("the probe text was refused");
console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1 }));`;

const samples = entries.map(() => ({ importMs: [] as number[], firstMs: [] as number[], totalMs: [] as number[] }));
for (let run = 0; run < runs; run++) {
  entries.forEach((entry, i) => {
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", probe, entry.url], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${entry.name}: ${child.stderr}`);
    const { importMs, firstMs } = JSON.parse(child.stdout) as { importMs: number; firstMs: number };
    samples[i]!.importMs.push(importMs);
    samples[i]!.firstMs.push(firstMs);
    samples[i]!.totalMs.push(importMs + firstMs);
  });
}

const env = benchEnvironment();
console.log(
  `guard cold start — node ${env.node}, ${env.cores} cores, load ${env.loadAverage.join(" ")}, ${runs} runs each`,
);
const ms = (t: Timings) => `${t.medianMs.toFixed(1)} ms (min ${t.minMs.toFixed(1)})`;
const totals = samples.map((s) => summarize(s.totalMs));
entries.forEach((entry, i) => {
  const ratio = totals.length > 1 ? `, ${(totals[1]!.medianMs / totals[i]!.medianMs).toFixed(2)}× vs compare` : "";
  console.log(
    `${entry.name}: import + first checkInput ${ms(totals[i]!)}; import ${ms(summarize(samples[i]!.importMs))}, first checkInput ${ms(summarize(samples[i]!.firstMs))}${ratio}`,
  );
});
