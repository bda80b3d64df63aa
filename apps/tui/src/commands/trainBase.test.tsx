import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadRuntime } from "@nomen/metal-runtime";
import { render } from "ink-testing-library";
import { beforeAll, describe, expect, it } from "vitest";
import { MissingDependencyError, UsageError } from "../errors.js";
import type { CommandIo } from "../terminal.js";
import { tempDir } from "../testing/tempDir.js";
import { plain } from "../testing/waitForFrame.js";
import { trainBaseCommand } from "./trainBase.js";

function io(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIo = {
    stdout: { write: (text: string) => out.push(text), isTTY },
    stderr: { write: (text: string) => err.push(text) },
    env: {},
  };
  return { io: value, out, err };
}

/** A model small enough for a few steps in about a second each. */
const TINY = { dim: 32, layers: 2, heads: 2, maxLength: 64, batchSize: 4, evalEvery: 0 };

describe("nomen train base on a tiny from-scratch model", { timeout: 120_000 }, () => {
  let data: string;

  beforeAll(() => {
    const dir = tempDir("nomen-train-base-");
    data = join(dir, "train.jsonl");
    const rows = ["bakery", "coffee", "bikes", "dogs", "taxes", "yoga", "flowers", "books"].map((word) =>
      JSON.stringify({ prompt: `name for ${word}:`, completion: ` ${word}ly.com` }),
    );
    writeFileSync(data, `${[...rows, ...rows, ...rows].join("\n")}\n`);
  });

  it("trains, prints progress and a JSON summary, and writes a GGUF that llama.cpp loads", async () => {
    const out = join(tempDir("nomen-train-base-out-"), "base");
    const { io: plain, out: stdout, err } = io();
    const code = await trainBaseCommand({ ...TINY, data, out, maxSteps: 4, checkpointEvery: 2, type: "F16" }, plain);
    expect(code, err.join("")).toBe(0);
    const summary = JSON.parse(stdout.join(""));
    expect(summary).toMatchObject({ steps: 4, totalSteps: 4, model: join(out, "model.gguf") });
    expect(summary.parameters).toBeGreaterThan(20_000);
    expect(err.join("")).toMatch(/step 4\/4 loss \d+\.\d{4}/);
    expect(err.join("")).toContain("vocabulary 259 tokens");
    expect(JSON.parse(readFileSync(join(out, "train-log.json"), "utf8")).losses).toHaveLength(4);

    const runtime = await loadRuntime({ gpu: false, threads: 1 });
    try {
      const model = await runtime.loadModel({ modelPath: summary.model });
      await model.dispose();
    } finally {
      await runtime.dispose();
    }
  });

  it("draws the live Ink view; an abort checkpoints the last step, exits 130, and --resume finishes the run", async () => {
    const out = join(tempDir("nomen-train-base-abort-"), "base");
    const controller = new AbortController();
    const flags = { ...TINY, data, out, maxSteps: 20, checkpointEvery: 0 };
    let frames: string[] = [];
    const running = trainBaseCommand(flags, io(true).io, {
      signal: controller.signal,
      renderView: (view) => {
        const rendered = render(view);
        frames = rendered.frames;
        // Press "Ctrl-C" as soon as the view shows step 2 (Ink writes each frame to this stdout).
        const write = rendered.stdout.write;
        rendered.stdout.write = (frame: string) => {
          write(frame);
          if (frame.includes("step 2/20")) controller.abort(new Error("test Ctrl-C"));
        };
        return {};
      },
    });
    expect(await running).toBe(130);
    const final = plain(frames.join("\n"));
    expect(final).toContain("step 2/20");
    expect(final).toMatch(/interrupted at step \d; checkpoint step \d written, continue with --resume/);
    expect(existsSync(join(out, "model.gguf"))).toBe(false);

    const second = io();
    expect(await trainBaseCommand({ ...flags, resume: true }, second.io)).toBe(0);
    const summary = JSON.parse(second.out.join(""));
    expect(summary).toMatchObject({ steps: 20, totalSteps: 20 });
    expect(summary.resumedFrom).toMatch(/step-\d+\.ckpt$/);
    expect(second.err.join("")).not.toContain("step 1/20");
  });

  it("learns BPE merges from the training text with --vocab bpe:N and keeps the vocabulary for --resume", async () => {
    const out = join(tempDir("nomen-train-base-bpe-"), "base");
    const { io: plain, out: stdout, err } = io();
    expect(await trainBaseCommand({ ...TINY, data, out, maxSteps: 1, vocab: "bpe:16" }, plain)).toBe(0);
    expect(err.join("")).toContain("vocabulary 275 tokens"); // 256 bytes + 16 merges + 3 ChatML specials
    const vocabulary = JSON.parse(readFileSync(JSON.parse(stdout.join("")).vocabulary, "utf8"));
    expect(vocabulary.tokens).toHaveLength(275);
  });

  it("reads --config YAML (flags win), and refuses bad settings and missing files before training", async () => {
    const dir = tempDir("nomen-train-base-cfg-");
    const config = join(dir, "base.yaml");
    writeFileSync(config, `data: ${data}\nout: ${join(dir, "o")}\nmax-steps: 1\ndim: 30\nheads: 4\n`);
    await expect(trainBaseCommand({ config }, io().io)).rejects.toThrow(/dim must be a multiple of heads/);
    await expect(trainBaseCommand({ config, ...TINY, maxSteps: 1 }, io().io)).resolves.toBe(0);
    await expect(trainBaseCommand({ data }, io().io)).rejects.toThrow(UsageError);
    await expect(trainBaseCommand({ data, out: join(dir, "p"), vocab: "words" }, io().io)).rejects.toThrow(/vocab/);
    await expect(trainBaseCommand({ data: join(dir, "none.jsonl"), out: join(dir, "q") }, io().io)).rejects.toThrow(
      MissingDependencyError,
    );
    await expect(trainBaseCommand({ data, out: join(dir, "r"), resume: true }, io().io)).rejects.toThrow(
      /no checkpoint/,
    );
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"prompt": "x"}\n');
    await expect(trainBaseCommand({ data: bad, out: join(dir, "s") }, io().io)).rejects.toThrow(UsageError);
    const huge = { data, out: join(dir, "t"), dim: 2048, layers: 24, heads: 16, batchSize: 64, maxLength: 1024 };
    await expect(trainBaseCommand(huge, io().io)).rejects.toThrow(/wasm heap/);
  });
});
