import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tinyModelSpec, writeGguf } from "@nomen/gguf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Done-when: `kill -9` during training (a child process, killed after its first checkpoint), then resume: the final
 * GGUF adapter is byte-identical to an uninterrupted run with the same seed.
 */
const here = dirname(fileURLToPath(import.meta.url));
const source = (file: string) => pathToFileURL(join(here, "..", file)).href;
const CHILD = `
import { loadModel } from "${source("loadModel.ts")}";
import { exportGgufAdapter } from "${source("lora/exportGgufAdapter.ts")}";
import { LoraAdapter } from "${source("lora/LoraAdapter.ts")}";
import { reverseWordBatches } from "${source("tuner/toyTask.ts")}";
import { train } from "${source("tuner/train.ts")}";
const [mode, modelPath, checkpointDir, adapterPath] = process.argv.slice(2);
const model = await loadModel({ path: modelPath, log: () => {} });
const adapter = LoraAdapter.create(model, { rank: 4, alpha: 8, dropout: 0.1, seed: 1, log: () => {} });
const result = await train({
  adapter,
  trainBatches: reverseWordBatches({ batches: 10, batchSize: 16, seed: 2 }),
  validationBatches: reverseWordBatches({ batches: 1, batchSize: 16, seed: 3 }),
  args: { learningRate: 5e-3, iters: 40, gradAccumulation: 2, warmupSteps: 3, evalEvery: 10, checkpointEvery: 5 },
  ...(mode === "straight" ? {} : { checkpointDir }),
  resume: mode === "resume",
  onProgress: (p) => console.log("step " + p.step),
  onCheckpoint: (path, step) => console.log("checkpoint " + step),
});
if (result.resumedFrom) console.log("resumed " + result.resumedFrom);
await exportGgufAdapter(adapter, { path: adapterPath });
console.log("done " + result.losses.length);
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-kill-"));
  await writeFile(join(dir, "child.mts"), CHILD);
  await writeGguf(
    join(dir, "model.gguf"),
    tinyModelSpec({ architecture: "qwen2", dim: 64, layers: 2, heads: 4, kvHeads: 2, ffnDim: 128, seed: 9 }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the child; `killAfter` kills it with SIGKILL as soon as it prints that line. */
function runChild(mode: string, adapterPath: string, killAfter?: string) {
  const args = [
    "--import",
    "tsx",
    join(dir, "child.mts"),
    mode,
    join(dir, "model.gguf"),
    join(dir, "ckpt"),
    adapterPath,
  ];
  const child = spawn(process.execPath, args, { cwd: join(here, "..", ".."), stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  let pending = "";
  child.stdout.on("data", (chunk) => {
    pending += chunk;
    const parts = pending.split("\n");
    pending = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (line === killAfter) child.kill("SIGKILL");
    }
  });
  return new Promise<{ code: number | null; signal: string | null; lines: string[]; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, lines, stderr })),
  );
}

const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

describe("kill -9 during training, then resume", () => {
  it("ends with an adapter byte-identical to the uninterrupted run", { timeout: 120_000 }, async () => {
    const [straight, killed] = await Promise.all([
      runChild("straight", join(dir, "straight.gguf")),
      runChild("checkpointed", join(dir, "killed.gguf"), "checkpoint 5"),
    ]);
    expect(straight.code, straight.stderr).toBe(0);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.lines).toContain("checkpoint 5");
    expect(killed.lines.some((l) => l.startsWith("done"))).toBe(false);
    const resumed = await runChild("resume", join(dir, "resumed.gguf"));
    expect(resumed.code, resumed.stderr).toBe(0);
    const from = resumed.lines.find((l) => l.startsWith("resumed "));
    expect(from).toMatch(/step-00000(05|10)\.ckpt$/);
    expect(resumed.lines.at(-1)).toBe("done 40");
    const [a, b] = [await sha256(join(dir, "straight.gguf")), await sha256(join(dir, "resumed.gguf"))];
    console.log(
      `kill -9 at "${killed.lines.at(-1)}", ${from}: sha256 straight ${a.slice(0, 16)}…, resumed ${b.slice(0, 16)}…`,
    );
    expect(b).toBe(a);
  });
});
