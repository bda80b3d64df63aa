import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../loadModel.js";
import { ggmlCpuProfile } from "../models/ggmlCpuForward.js";
import { glibcVersion } from "../testing/ggmlCpuVariant.js";
import { compare, PARITY_CASES, PARITY_TOKENS, summary } from "./parityCases.js";

/**
 * The exact ggml-cpu path against every ggml-cpu build this CPU can run: a private copy of node-llama-cpp whose
 * prebuilt binary folder holds a single `libggml-cpu-<variant>.so`, so ggml has to load that one. Each variant runs
 * in a child process that writes llama.cpp's log-probs for every parity model; the parent compares.
 */
const VARIANTS = [
  "zen4",
  "cooperlake",
  "sapphirerapids",
  "icelake",
  "cascadelake",
  "cannonlake",
  "skylakex",
  "alderlake",
  "haswell",
];
const SEEDS = [11, 12];

const CHILD = `
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
const [variant, dir] = process.argv.slice(2);
const bins = process.env.BINS;
for (const f of readdirSync(bins)) if (f.startsWith("libggml-cpu-")) rmSync(bins + "/" + f);
copyFileSync(process.env.ALL + "/libggml-cpu-" + variant + ".so", bins + "/libggml-cpu-" + variant + ".so");
const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const loaded = /libggml-cpu-([\\w-]+)\\.so/.exec(readFileSync("/proc/self/maps", "utf8"))?.[1];
const tokens = JSON.parse(readFileSync(dir + "/tokens.json", "utf8"));
const models = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith(".gguf"))) {
  const model = await llama.loadModel({ modelPath: dir + "/" + f });
  const context = await model.createContext({ contextSize: 64, threads: 1, flashAttention: false,
    experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32" });
  const results = await context.getSequence().controlledEvaluate(tokens.map((t) => [t, { generateNext: { probabilities: true } }]));
  models[f] = results.map((r) => [...(r?.next?.probabilities ?? new Map())].map(([t, p]) => [t, p > 0 ? Math.log(p) : null]));
  await context.dispose();
  await model.dispose();
}
writeFileSync(dir + "/out-" + variant + ".json", JSON.stringify({ loaded, models }));
await llama.dispose();
`;

let root: string;
let prepared: string | undefined;
beforeAll(async () => {
  root = join(tmpdir(), `lora-trainer-variants-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "models"), { recursive: true });
  if (process.platform !== "linux" || process.arch !== "x64" || !glibcVersion()) return;
  // node-llama-cpp and its dependencies as pnpm laid them out: <store>/node_modules/{node-llama-cpp, dep, …}
  const require = createRequire(import.meta.url);
  const packageDir = dirname(dirname(realpathSync(require.resolve("node-llama-cpp"))));
  const siblings = dirname(packageDir);
  const binaries = realpathSync(join(siblings, "@node-llama-cpp", "linux-x64"));
  const modules = join(root, "node_modules");
  mkdirSync(join(modules, "@node-llama-cpp"), { recursive: true });
  cpSync(packageDir, join(modules, "node-llama-cpp"), { recursive: true, dereference: true });
  cpSync(binaries, join(modules, "@node-llama-cpp", "linux-x64"), { recursive: true, dereference: true });
  for (const entry of readdirSync(siblings)) {
    if (entry === "node-llama-cpp" || entry === "@node-llama-cpp") continue;
    const names = entry.startsWith("@") ? readdirSync(join(siblings, entry)).map((n) => join(entry, n)) : [entry];
    for (const name of names) {
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(realpathSync(join(siblings, name)), join(modules, name));
    }
  }
  const bins = join(modules, "@node-llama-cpp", "linux-x64", "bins", "linux-x64");
  const all = join(root, "all-variants");
  mkdirSync(all);
  for (const f of readdirSync(bins).filter((f) => f.startsWith("libggml-cpu-")))
    copyFileSync(join(bins, f), join(all, f));
  writeFileSync(join(root, "child.mjs"), CHILD);
  writeFileSync(join(root, "models", "tokens.json"), JSON.stringify(PARITY_TOKENS));
  for (const [name, options] of PARITY_CASES) {
    for (const seed of SEEDS) {
      await writeGguf(
        join(root, "models", `${name.replace(/\W+/g, "-")}-${seed}.gguf`),
        tinyModelSpec({ ...options, seed }),
      );
    }
  }
  prepared = bins;
}, 300_000);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("exact path on every ggml-cpu variant this CPU can load", () => {
  it.each(VARIANTS)("%s", async (variant) => {
    if (!prepared) return console.log("needs linux-x64 with glibc; skipped");
    const dir = join(root, "models");
    try {
      execFileSync("node", [join(root, "child.mjs"), variant, dir], {
        env: { ...process.env, BINS: prepared, ALL: join(root, "all-variants") },
        stdio: "pipe",
        timeout: 240_000,
      });
    } catch (error) {
      return console.log(`${variant}: could not run here (${String(error).split("\n")[0]}); skipped`);
    }
    const { loaded, models } = JSON.parse(readFileSync(join(dir, `out-${variant}.json`), "utf8")) as {
      loaded?: string;
      models: Record<string, [number, number | null][][]>;
    };
    if (loaded !== variant) return console.log(`${variant}: ggml loaded ${loaded ?? "nothing"} instead; skipped`);
    const profile = ggmlCpuProfile(variant)!;
    let worst = 0;
    const lines: string[] = [];
    for (const file of Object.keys(models).sort()) {
      const theirs = models[file]!.map((row) => new Map(row.map(([t, v]) => [t, v ?? Number.NEGATIVE_INFINITY])));
      const model = await loadModel({ path: join(dir, file), log: () => {} });
      const ours = (await model.logProbs([PARITY_TOKENS], { ggmlCpu: profile }))[0]!;
      model.dispose();
      const { perPosition } = compare(theirs, ours);
      worst = Math.max(worst, ...perPosition);
      if (Math.max(...perPosition) > 1e-4) lines.push(`${basename(file)}: ${summary(perPosition)}`);
    }
    console.log(`${variant}: ${Object.keys(models).length} models, exact path max |Δ log p| ${worst.toExponential(2)}`);
    expect(lines).toEqual([]);
  });
});
