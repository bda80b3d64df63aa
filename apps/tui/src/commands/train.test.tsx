import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { render } from "ink-testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { MissingDependencyError, UsageError } from "../errors.js";
import { tempDir } from "../testing/tempDir.js";
import { createTestIo } from "../testing/testIo.js";
import { waitForFrame } from "../testing/waitForFrame.js";
import { sparkline } from "../train/sparkline.js";
import { TrainStore } from "../ui/TrainStore.js";
import { TrainApp } from "../ui/TrainView.js";
import { trainLoraCommand, trainSweepCommand } from "./train.js";

const io = () => createTestIo();

const step = (n: number, total: number, loss: number, extra = {}) => ({
  step: n,
  totalSteps: total,
  loss,
  lr: 1e-3,
  gradNorm: 0.4,
  tokensPerSecond: 1234.5,
  etaSeconds: (total - n) * 2,
  ...extra,
});

describe("sparkline", () => {
  it("scales from the lowest to the highest value and averages into the width", () => {
    expect(sparkline([4, 3, 2, 1])).toBe("█▆▃▁");
    expect(sparkline([1, 1, 1])).toBe("▄▄▄");
    expect(
      sparkline(
        Array.from({ length: 100 }, (_, i) => 100 - i),
        10,
      ),
    ).toHaveLength(10);
    expect(sparkline([Number.NaN])).toBe("");
  });
});

describe("TrainApp (ink-testing-library)", () => {
  it("shows the step bar with ETA, the loss chart, tokens/s, validation, checkpoint and the outcome", async () => {
    const store = new TrainStore("train lora tiny.gguf");
    const { lastFrame, frames, unmount } = render(<TrainApp store={store} />);
    await waitForFrame(lastFrame, "starting");
    store.update({ phase: "load", notes: ["lora-trainer: backend wasm"] });
    await waitForFrame(lastFrame, "backend wasm");
    store.step(step(1, 10, 5.0));
    store.step(step(2, 10, 4.0, { validationLoss: 4.5 }));
    const frame = await waitForFrame(lastFrame, "step 2/10");
    expect(frame).toContain("20%");
    expect(frame).toContain("eta 16s");
    expect(frame).toMatch(/loss 4\.0000 █▁/);
    expect(frame).toContain("1,235 tokens/s");
    expect(frame).toContain("val loss 4.5000 (step 2)");
    store.update({ checkpoint: { path: "out/checkpoints/step-0000002.ckpt", step: 2 } });
    await waitForFrame(lastFrame, "checkpoint step 2");
    store.update({ finished: { ok: true, message: "10/10 steps" } });
    // The app exits Ink right after drawing the outcome, and the frame left after exit can be empty: look at every frame.
    await waitForFrame(() => frames.join("\n"), "✓ 10/10 steps");
    unmount();
  });
});

describe("nomen train lora on a tiny random model", { timeout: 120_000 }, () => {
  let base: string;
  let data: string;

  beforeAll(async () => {
    const dir = tempDir("nomen-train-");
    base = (await writeTinyModel({ path: join(dir, "tiny.gguf") })).path;
    data = join(dir, "train.jsonl");
    const rows = ["bakery in lyon", "coffee shop", "bike repair", "dog walking", "tax advice", "yoga studio"].map(
      (text) =>
        JSON.stringify({
          messages: [
            { role: "user", content: text },
            { role: "assistant", content: `{"suggestions":["${text.replace(/\W/g, "")}.com"]}` },
          ],
        }),
    );
    writeFileSync(data, `${[...rows, ...rows].join("\n")}\n`);
  });

  it("trains, prints plain progress and a JSON summary, and writes the adapter, PEFT files and the log", async () => {
    const out = join(tempDir("nomen-train-out-"), "adapters", "x");
    const { io: plain, out: stdout, err } = io();
    const code = await trainLoraCommand(
      { base, data, out, maxSteps: 4, batchSize: 2, checkpointEvery: 2, maxLength: 48, lr: 1e-2, rank: 4 },
      plain,
    );
    expect(code, err.join("")).toBe(0);
    const summary = JSON.parse(stdout.join(""));
    expect(summary).toMatchObject({ steps: 4, totalSteps: 4, adapter: join(out, "adapter.gguf") });
    expect(summary.finalLoss).toBeGreaterThan(0);
    expect(err.join("")).toMatch(/step 4\/4 loss \d+\.\d{4}/);
    expect(err.join("")).toContain("tokens/s");
    expect(existsSync(join(out, "adapter.gguf"))).toBe(true);
    expect(existsSync(join(out, "peft", "adapter_config.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "train-log.json"), "utf8")).losses).toHaveLength(4);
  });

  it("stops on abort with exit 130 naming the checkpoint, and --resume continues from it", async () => {
    const out = join(tempDir("nomen-train-abort-"), "x");
    const controller = new AbortController();
    const first = io();
    first.io.stderr.write = (text: string) => {
      first.err.push(text);
      if (text.includes("checkpoint step 2")) controller.abort(new Error("test Ctrl-C"));
      return true;
    };
    const flags = { base, data, out, maxSteps: 6, batchSize: 2, checkpointEvery: 2, maxLength: 48, rank: 4 };
    expect(await trainLoraCommand(flags, first.io, { signal: controller.signal })).toBe(130);
    expect(first.err.join("")).toMatch(/interrupted at step 2; checkpoint step 2 written, continue with --resume/);
    expect(existsSync(join(out, "adapter.gguf"))).toBe(false);

    const second = io();
    expect(await trainLoraCommand({ ...flags, resume: true }, second.io)).toBe(0);
    const summary = JSON.parse(second.out.join(""));
    expect(summary).toMatchObject({ steps: 6, totalSteps: 6 });
    expect(summary.resumedFrom).toMatch(/step-0000002\.ckpt$/);
    expect(second.err.join("")).not.toContain("step 1/6");
  });

  it("reads --config YAML (flags win), and refuses bad settings and missing files before loading anything", async () => {
    const dir = tempDir("nomen-train-cfg-");
    const config = join(dir, "train.yaml");
    writeFileSync(config, `base: ${base}\ndata: ${data}\nout: ${join(dir, "o")}\nmax-steps: 1\nrank: 0\n`);
    await expect(trainLoraCommand({ config }, io().io)).rejects.toThrow(/rank/);
    await expect(trainLoraCommand({ config, rank: 2, batchSize: 2, maxLength: 48 }, io().io)).resolves.toBe(0);
    await expect(trainLoraCommand({ base, data }, io().io)).rejects.toThrow(UsageError);
    const missing = { base: join(dir, "none.gguf"), data, out: join(dir, "p") };
    await expect(trainLoraCommand(missing, io().io)).rejects.toThrow(MissingDependencyError);
    const resume = { base, data, out: join(dir, "q"), resume: true };
    await expect(trainLoraCommand(resume, io().io)).rejects.toThrow(/no checkpoint/);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"messages": [{"role": "user"}]}\n');
    await expect(trainLoraCommand({ base, data: bad, out: join(dir, "r") }, io().io)).rejects.toThrow(UsageError);
  });

  it("sweeps a grid of learning rates, ranked by validation loss, with trial files", async () => {
    const out = join(tempDir("nomen-sweep-"), "sweep");
    const { io: plain, out: stdout, err } = io();
    const code = await trainSweepCommand(
      { base, data, out, lr: [1e-3, 1e-2], rank: [2], epochs: [1], batchSize: 4, maxLength: 48 },
      plain,
    );
    expect(code, err.join("")).toBe(0);
    const summary = JSON.parse(stdout.join(""));
    expect(summary.trials).toBe(2);
    expect(summary.best.config.rank).toBe(2);
    expect(Number.isFinite(summary.best.validationLoss)).toBe(true);
    expect(err.join("")).toMatch(/trial 1: lr 0\.001 rank 2 alpha 16 epochs 1 → val loss \d/);
    expect(existsSync(join(out, "results.json"))).toBe(true);
  });
});
