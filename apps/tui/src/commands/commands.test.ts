import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRAINING_BLOCKED_PHRASES } from "@nomen/dataset-gen";
import { describe, expect, it } from "vitest";
import { MissingDependencyError, UsageError } from "../errors.js";
import { tempDir } from "../testing/tempDir.js";
import { createTestIo } from "../testing/testIo.js";
import { checkCommand } from "./check.js";
import { datasetGenerateCommand } from "./dataset.js";
import { datasetCardCommand } from "./datasetCard.js";
import { runsCommand } from "./runs.js";
import { suggestCommand } from "./suggest.js";

const io = createTestIo;

describe("suggestCommand", () => {
  it("--json prints exactly the API's response shape", async () => {
    const { io: terminal, out } = io();
    const code = await suggestCommand("organic coffee shop downtown", { json: true, demo: true, count: 3 }, terminal);
    expect(code).toBe(0);
    const body = JSON.parse(out.join(""));
    expect(Object.keys(body)).toEqual(["suggestions", "status"]);
    expect(body.suggestions).toHaveLength(3);
    expect(Object.keys(body.suggestions[0])).toEqual(["domain", "confidence"]);
  });

  it("prints plain tab-separated lines when stdout is not a terminal, and a bar table on one (no colour with NO_COLOR)", async () => {
    const plain = io(false);
    await suggestCommand("bike repair", { demo: true, count: 2 }, plain.io);
    expect(plain.out.join("")).toBe("bikerepair.com\t0.95\nrepairhq1.com\t0.91\n");
    const tty = io(true, { NO_COLOR: "1" });
    await suggestCommand("bike repair", { demo: true, count: 2 }, tty.io);
    expect(tty.out.join("")).toBe("bikerepair.com  ██████████  95%\nrepairhq1.com   █████████░  91%\n");
  });

  it("exits 4 with the message for a blocked request", async () => {
    const { io: terminal, err } = io();
    expect(await suggestCommand("explicit content", { demo: true }, terminal)).toBe(4);
    expect(err.join("")).toContain("blocked: Request contains inappropriate content");
  });

  it("turns the pipeline's validation problem into a UsageError", async () => {
    await expect(suggestCommand("   ", { demo: true }, io().io)).rejects.toThrow(UsageError);
    await expect(suggestCommand("x", { demo: true, count: 99 }, io().io)).rejects.toThrow(/count/);
  });

  it("says honestly that a model is missing, and refuses an invalid model file as bad input", async () => {
    const missing = join(tmpdir(), "no-such-model.gguf");
    await expect(suggestCommand("x", { model: missing }, io().io)).rejects.toThrow(MissingDependencyError);
    const empty = join(tempDir("nomen-model-"), "m.gguf");
    writeFileSync(empty, "");
    await expect(suggestCommand("x", { model: empty }, io().io)).rejects.toThrow(UsageError);
  }, 60_000);
});

describe("runsCommand", () => {
  it("lists nothing in an empty folder and refuses an unknown run", async () => {
    const dir = tempDir("nomen-runs-");
    const { io: terminal, err } = io();
    expect(await runsCommand("list", undefined, { dir }, terminal)).toBe(0);
    expect(err.join("")).toContain("no runs recorded");
    await expect(runsCommand("show", "nope", { dir }, terminal)).rejects.toThrow(UsageError);
  });
});

describe("datasetGenerateCommand", () => {
  it("generates a dataset with plain progress off a terminal and records the run", async () => {
    const dir = tempDir("nomen-ds-");
    const config = join(dir, "nomen.yaml");
    writeFileSync(config, `runsDir: ${join(dir, "runs")}\n`);
    const terminal = io();
    const flags = { size: "30", seed: "2", out: join(dir, "data"), config };
    expect(await datasetGenerateCommand(flags, terminal.io)).toBe(0);
    expect(terminal.err.join("")).toContain("generate 100%");
    const listed = io();
    await runsCommand("list", undefined, { json: true, config, db: join(dir, "none.db") }, listed.io);
    const [run] = JSON.parse(listed.out.join("")) as { kind: string; status: string; summary: { splits: object } }[];
    expect(run).toMatchObject({ kind: "dataset", status: "succeeded" });
    expect(Object.keys(run!.summary.splits)).toEqual(["train", "validation", "test"]);
  }, 30_000);

  it("--request-share writes benign requests, records the flag on the card, and rejects a share outside 0–1", async () => {
    const dir = tempDir("nomen-ds-share-");
    const config = join(dir, "nomen.yaml");
    writeFileSync(config, `runsDir: ${join(dir, "runs")}\n`);
    const out = join(dir, "data");
    const flags = { size: "200", seed: "2", out, config, requestShare: "0.5" };
    expect(await datasetGenerateCommand(flags, io().io)).toBe(0);
    const card = JSON.parse(readFileSync(join(out, "card.json"), "utf8")) as { command: string };
    expect(card.command).toContain("--request-share 0.5");
    expect(readFileSync(join(out, "train.meta.jsonl"), "utf8")).toContain('"form":"request"');
    await expect(datasetGenerateCommand({ ...flags, requestShare: "2" }, io().io)).rejects.toThrow(
      /--request-share must be a number in 0–1, got 2/,
    );
  }, 30_000);

  it("--evasion-share, --extra-blocked-phrases and --benign-evasion-share reach the rows and the card", async () => {
    const dir = tempDir("nomen-ds-evasion-");
    const config = join(dir, "nomen.yaml");
    writeFileSync(config, `runsDir: ${join(dir, "runs")}\n`);
    const out = join(dir, "data");
    const flags = {
      size: "400",
      seed: "3",
      out,
      config,
      evasionShare: "0",
      extraBlockedPhrases: true,
      benignEvasionShare: "0.3",
    };
    expect(await datasetGenerateCommand(flags, io().io)).toBe(0);
    const card = JSON.parse(readFileSync(join(out, "card.json"), "utf8")) as { command: string };
    expect(card.command).toContain("--evasion-share 0 --extra-blocked-phrases --benign-evasion-share 0.3");
    expect(readFileSync(join(out, "train.meta.jsonl"), "utf8")).toContain('"disguised":true');
    const extra = new Set(Object.values(TRAINING_BLOCKED_PHRASES).flat());
    const blocked = readFileSync(join(out, "train.meta.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { category: string; businessType: string })
      .filter((meta) => meta.category === "blocked");
    expect(blocked.some((meta) => extra.has(meta.businessType.replace(/^blocked:/, "")))).toBe(true);
    await expect(datasetGenerateCommand({ ...flags, evasionShare: "x" }, io().io)).rejects.toThrow(
      /--evasion-share must be a number in 0–1, got x/,
    );
    await expect(datasetGenerateCommand({ ...flags, benignEvasionShare: "-1" }, io().io)).rejects.toThrow(
      /--benign-evasion-share must be a number in 0–1, got -1/,
    );
  }, 30_000);
});

describe("datasetCardCommand", () => {
  it("prints the card, verifies the files, and fails verification after a file is edited", async () => {
    const dir = tempDir("nomen-card-");
    const out = join(dir, "data");
    const config = join(dir, "nomen.yaml");
    writeFileSync(config, `runsDir: ${join(dir, "runs")}\n`);
    expect(await datasetGenerateCommand({ size: "30", seed: "3", out, config }, io().io)).toBe(0);
    const shown = io();
    expect(await datasetCardCommand(out, { verify: true }, shown.io)).toBe(0);
    expect(shown.out.join("")).toContain("verify: 30 examples");
    expect(shown.out.join("")).toContain("ok");
    const json = io();
    expect(await datasetCardCommand(out, { json: true }, json.io)).toBe(0);
    expect(JSON.parse(json.out.join("")).size).toBe(30);
    const train = readFileSync(join(out, "train.jsonl"), "utf8").trimEnd().split("\n");
    writeFileSync(join(out, "train.jsonl"), `${train.slice(0, -1).join("\n")}\n`);
    const broken = io();
    expect(await datasetCardCommand(out, { verify: true }, broken.io)).toBe(1);
    expect(broken.out.join("")).toContain("PROBLEMS");
  }, 30_000);

  it("refuses a folder without a card as bad usage", async () => {
    await expect(datasetCardCommand(tempDir("nomen-nocard-"), {}, io().io)).rejects.toThrow(UsageError);
  });
});

describe("checkCommand", () => {
  it("refuses an invalid domain as bad usage before any lookup", async () => {
    await expect(checkCommand("not a domain", {}, io().io)).rejects.toThrow(UsageError);
  });
});
