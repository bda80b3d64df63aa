import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckpointMismatchError } from "../errors.js";
import { type Checkpoint, latestCheckpoint, pruneCheckpoints, readCheckpoint, writeCheckpoint } from "./checkpoint.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-ckpt-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const checkpointAt = (step: number): Checkpoint => ({
  header: {
    step,
    microBatches: step * 4,
    args: { learningRate: 1e-4, seed: 3 },
    losses: [2.5, 2.25],
    validationLosses: [{ step: 0, loss: 3 }],
    bestValidationLoss: 3,
    evaluationsWithoutImprovement: 0,
    optimizerUpdates: step,
  },
  tensors: new Map([
    ["blk.0.attn_q.lora_a", Float32Array.from([1, -2, 3.5, Number.MIN_VALUE])],
    ["blk.0.attn_q.lora_a#m", Float32Array.from([0.25])],
  ]),
});

describe("checkpoints", () => {
  it("round-trip every header field and tensor bit for bit", async () => {
    const path = await writeCheckpoint(dir, checkpointAt(10));
    expect(path).toBe(join(dir, "step-0000010.ckpt"));
    expect(await readCheckpoint(path)).toEqual(checkpointAt(10));
  });

  it("find the newest, ignore temp files a killed writer left, and prune old ones", async () => {
    await writeCheckpoint(dir, checkpointAt(20));
    await writeCheckpoint(dir, checkpointAt(30));
    await writeFile(join(dir, "step-0000040.ckpt.123.abcd.tmp"), "half a checkpoint");
    expect(await latestCheckpoint(dir)).toBe(join(dir, "step-0000030.ckpt"));
    await pruneCheckpoints(dir, 2);
    expect((await readdir(dir)).sort()).toEqual(["step-0000020.ckpt", "step-0000030.ckpt"]);
    expect(await latestCheckpoint(join(dir, "missing"))).toBeUndefined();
  });

  it("reject truncated files and other formats with a named error", async () => {
    const path = join(dir, "step-0000020.ckpt");
    const size = (await readFile(path)).length;
    await truncate(path, size - 3);
    await expect(readCheckpoint(path)).rejects.toThrow(CheckpointMismatchError);
    await expect(readCheckpoint(path)).rejects.toThrow(/bytes, expected/);
    await writeFile(path, "GGUF....");
    await expect(readCheckpoint(path)).rejects.toThrow(/not a checkpoint/);
  });
});
