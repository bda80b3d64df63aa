/**
 * Dataset generation speed: 50,000 examples end to end (generate, split with the near-duplicate check, write
 * chat/completion/meta JSONL and the card) with the full target check (validity + @nomen/guard output filter),
 * side by side with validity-only checking and with its phases. Goal: under 60 s on the 2-core dev machine.
 * Prints CPU seconds too: the machine is shared, so wall time depends on the load average.
 * Run: pnpm --filter @nomen/dataset-gen bench   (BENCH_SIZE=… to change the size)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BenchSuite } from "@nomen/bench";
import { assignSplits } from "../src/dataset/assignSplits.js";
import { generateExamples } from "../src/dataset/generateExamples.js";
import { createTargetChecker, generateDataset, loadLexicon, verifyDataset } from "../src/index.js";

const size = Number(process.env["BENCH_SIZE"] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), "nomen-bench-"));
const suite = new BenchSuite("dataset-gen");
const work = { amount: size, unit: "examples" };
const loadStart = performance.now();
loadLexicon();
console.log(JSON.stringify({ lexiconLoadMs: Math.round(performance.now() - loadStart) }));
let card: Awaited<ReturnType<typeof generateDataset>> | undefined;
try {
  const cpuStart = process.cpuUsage();
  await suite.add({
    name: `generateDataset ${size}`,
    backend: "node, validity+guard",
    work,
    warmup: 0,
    repeats: 1,
    fn: async () => {
      card = await generateDataset({ size, seed: 1, outDir: join(dir, "full") });
    },
  });
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ fullRunCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10 }));
  await suite.add({
    name: `generateDataset ${size} validity only`,
    backend: "node, validity",
    work,
    warmup: 0,
    repeats: 1,
    fn: async () => {
      await generateDataset({
        size,
        seed: 1,
        outDir: join(dir, "validity"),
        check: createTargetChecker({ isUnsafe: () => undefined }),
      });
    },
  });
  // Phases with validity-only checking, to show where the time goes apart from the guard's output filter.
  const check = createTargetChecker({ isUnsafe: () => undefined });
  let examples: Awaited<ReturnType<typeof generateExamples>> = [];
  await suite.add({
    name: "phase: descriptions + teacher (validity)",
    backend: "node",
    work,
    warmup: 0,
    repeats: 1,
    fn: async () => {
      examples = await generateExamples({ size, seed: 1, check });
    },
  });
  await suite.add({
    name: "phase: splits + near-duplicates",
    backend: "node",
    work,
    warmup: 0,
    repeats: 1,
    fn: () => assignSplits(examples, 1),
  });
  suite.table({ baseline: `generateDataset ${size}` });
  if (card) {
    // Re-read the 50k files: card counts vs files, hashes, exact assistant JSON, validity of every target, leakage.
    const verified = verifyDataset({ dir: join(dir, "full"), check, throwOnProblem: false });
    console.log(
      JSON.stringify({
        verifiedExamples: verified.examples,
        targetDomains: verified.targetDomains,
        invalidDomains: verified.invalidDomains.length,
        crossSplitNearDuplicatesOnReRead: verified.crossSplitNearDuplicates,
        problems: verified.problems,
      }),
    );
    console.log(
      JSON.stringify({
        businessTypes: card.diversity.businessTypes,
        distinctLabelRatio: card.diversity.distinctLabelRatio,
        topTldShare: card.diversity.topTldShare,
        crossSplitNearDuplicates: card.leakage.crossSplitNearDuplicates,
        splits: card.splits,
      }),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
