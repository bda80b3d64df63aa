/**
 * `nomen suggest "organic coffee shop downtown" --json` cold, as a user runs it (issue #7: ≥ 5 valid domains
 * in under 2 s): a new process per run, the real built CLI, wall time from spawn to exit, and where the time
 * went (each run reports its stage marks with NOMEN_TIMINGS=1). Peers in the same run: an empty `node`
 * process (the floor) and `nomen --version` (the CLI without the pipeline).
 *
 *   pnpm --filter nomen bench [-- --model path.gguf] [--runs 10] [--compare other/dist/cli.js]
 *
 * --compare runs another build's CLI (e.g. an older checkout) on the same model, interleaved run by run with
 * this one so both see the same machine load, and prints the ratio of the medians.
 *
 * Model: --model (or NOMEN_BENCH_MODEL) when given, else the default model (models/nomen-base.gguf + its
 * LoRA, as `nomen` finds it); with neither it prints why and exits 0. Build first: pnpm turbo run build --filter=nomen...
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BenchSuite, benchEnvironment, summarize } from "@nomen/bench";
import { findDefaultModel } from "../src/defaultModel.js";
import type { SuggestPhases } from "../src/timings.js";
import { type ColdRun, coldRun } from "./coldRun.js";

const TARGET_MS = 2000;
const GOAL_MS = 1200;
const DESCRIPTION = "organic coffee shop downtown";

const { values } = parseArgs({
  // `pnpm bench -- --model x` passes the "--" through.
  args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--")),
  options: {
    model: { type: "string" },
    runs: { type: "string" },
    description: { type: "string" },
    compare: { type: "string" },
  },
});
const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(appDir, "dist", "cli.js");
const runs = Number(values.runs ?? process.env.BENCH_RUNS ?? 10);
const description = values.description ?? DESCRIPTION;
// pnpm runs the script in apps/tui: a relative --model is meant from where the user typed it.
const explicit = values.model ?? process.env.NOMEN_BENCH_MODEL;
const model = explicit ? resolve(process.env.INIT_CWD ?? process.cwd(), explicit) : undefined;
const embedded = findDefaultModel({ from: appDir });

if (!existsSync(cli)) {
  console.log(`skip: ${cli} is not built. Hint: pnpm turbo run build --filter=nomen...`);
  process.exit(0);
}
if (!model && !embedded) {
  console.log(
    "skip: no model. The default model (models/nomen-base.gguf) has not shipped in this checkout and no --model was " +
      "given. Hint: pnpm --filter nomen bench -- --model models/runs/base-v1/step-80.gguf (or NOMEN_BENCH_MODEL=…).",
  );
  process.exit(0);
}
if (model && !existsSync(model)) {
  console.log(`skip: the model file ${model} does not exist.`);
  process.exit(0);
}
const modelLabel = model ?? `${embedded?.base} (default model${existsSync(embedded?.adapter ?? "") ? " + LoRA" : ""})`;
console.log(`model: ${modelLabel}\nruns: ${runs} cold processes per case (+1 warm-up for the disk cache)`);

const suite = new BenchSuite("nomen suggest cold start");
const collect = async (name: string, backend: string, args: string[]): Promise<ColdRun[]> => {
  const all: ColdRun[] = [];
  await suite.add({
    name,
    backend,
    warmup: 1,
    repeats: runs,
    fn: async () => {
      all.push(await coldRun(args, { cwd: appDir }));
    },
  });
  return all.slice(-runs);
};
await collect("node -e 0 (floor)", "node", ["-e", "0"]);
await collect("nomen --version", "commander", [cli, "--version"]);
const suggestArgs = (entry: string) => [entry, "suggest", description, "--json", ...(model ? ["--model", model] : [])];
const suggest = await collect("nomen suggest --json", "llama.cpp", suggestArgs(cli));
suite.table({ baseline: "nomen suggest --json" });

const compare = values.compare ? resolve(process.env.INIT_CWD ?? process.cwd(), values.compare) : undefined;
if (compare) {
  // Interleaved, one run each in turn: the machine's load drifts, and both builds should see the same drift.
  const [ours, theirs]: number[][] = [[], []];
  await coldRun(suggestArgs(compare), { cwd: appDir });
  for (let i = 0; i < runs; i++) {
    ours.push((await coldRun(suggestArgs(cli), { cwd: appDir })).wallMs);
    theirs.push((await coldRun(suggestArgs(compare), { cwd: appDir })).wallMs);
  }
  const [a, b] = [summarize(ours), summarize(theirs)];
  console.log(
    `\ninterleaved, ${runs} runs each: this build median ${a.medianMs.toFixed(0)} ms (min ${a.minMs.toFixed(0)}, max ` +
      `${a.maxMs.toFixed(0)}) vs ${compare} median ${b.medianMs.toFixed(0)} ms (min ${b.minMs.toFixed(0)}, max ` +
      `${b.maxMs.toFixed(0)}): ${(b.medianMs / a.medianMs).toFixed(2)}× faster`,
  );
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const phased = suggest.filter((run): run is ColdRun & { phases: SuggestPhases } => run.phases !== undefined);
const phase = (key: keyof SuggestPhases) => median(phased.map((run) => Number(run.phases[key])));
const rows: [string, number | undefined][] = [
  ["spawn (fork + exec node)", median(suggest.map((run) => run.spawnMs ?? 0))],
  ["node start (bootstrap)", phase("nodeStart")],
  ["CLI modules, flags, settings", phase("cliStart")],
  ["import node-llama-cpp", phase("importRuntime")],
  ["llama.cpp start ∥ pipeline imports, guard warm-up", phase("startRuntimeAndImports")],
  ["model load + context", phase("loadModel")],
  ["suggester setup", phase("setup")],
  ["input guard + prompt fit", phase("prompt")],
  ["generation (all rounds)", phase("generation")],
  ["post-processing: validate, output guard, rank", phase("postProcessing")],
  ["print + dispose", phase("outputAndDispose")],
  ["process exit", median(suggest.map((run) => run.exitMs ?? 0))],
];
console.log("\nwhere the time goes (median of each phase over the runs, ms):");
for (const [label, ms] of rows)
  console.log(`  ${label.padEnd(50)} ${ms === undefined ? "-" : ms.toFixed(0).padStart(6)}`);
const wall = median(suggest.map((run) => run.wallMs));
const rounds = phase("rounds");
const tokens = phase("tokens");
const availability = phased.some((run) => run.phases.availabilityChecked) ? "checked" : "skipped (not asked)";
console.log(
  `  ${"= wall (median)".padEnd(50)} ${wall.toFixed(0).padStart(6)}\n` +
    `  rounds ${rounds}, tokens ${tokens}, availability ${availability}; CPU of the nomen process (median, without ` +
    `llama.cpp's binary-test child) ${median(suggest.map((run) => run.cpuMs ?? 0)).toFixed(0)} ms`,
);
const env = benchEnvironment();
const fewest = Math.min(...suggest.map((run) => run.validDomains));
console.log(
  `\nnode ${env.node}, ${env.cores} cores (${env.cpu}), load ${env.loadAverage.join(" ")}\n` +
    `issue #7 target < ${TARGET_MS} ms: median ${wall.toFixed(0)} ms → ${wall < TARGET_MS ? "PASS" : "FAIL"} ` +
    `(max ${Math.max(...suggest.map((run) => run.wallMs)).toFixed(0)} ms); goal ≤ ${GOAL_MS} ms: ${wall <= GOAL_MS ? "met" : "not met"}; ` +
    `valid domains per answer: at least ${fewest} (≥ 5 required → ${fewest >= 5 ? "PASS" : "FAIL"})`,
);
