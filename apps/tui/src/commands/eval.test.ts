import { join } from "node:path";
import { generateDataset } from "@nomen/dataset-gen";
import { beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import type { CommandIo } from "../terminal.js";
import { tempDir } from "../testing/tempDir.js";
import { evalCommand, readEvalItems } from "./eval.js";
import { runsCommand } from "./runs.js";

let data: string;
beforeAll(async () => {
  data = join(tempDir("nomen-eval-"), "ds");
  await generateDataset({ size: 40, seed: 5, outDir: data });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: (text: string) => err.push(text) },
    env: { XDG_CONFIG_HOME: tempDir("nomen-cfg-") },
  };
  return { io: value, out, err };
}

describe("nomen eval", () => {
  it("reads descriptions and categories of a dataset split", () => {
    const items = readEvalItems(data, "train", 3);
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.description.length).toBeGreaterThan(3);
      expect(item.category).not.toBe("unknown");
    }
    expect(() => readEvalItems(data, "nope", 3)).toThrow(UsageError);
  });

  it("scores the suggestions with the metric judge, records the run, and lists it", async () => {
    const db = join(tempDir("nomen-evaldb-"), "runs.db");
    const terminal = io();
    const flags = { data, split: "train", limit: "2", count: "2", db, demo: true };
    expect(await evalCommand(flags, terminal.io)).toBe(0);
    const result = JSON.parse(terminal.out.join("")) as { run: string; overall: { value: number; n: number } };
    expect(result.overall.n).toBe(2);
    expect(result.overall.value).toBeGreaterThan(0);
    expect(terminal.err.join("")).toContain("judge 100%");
    const listed = io();
    await runsCommand("list", undefined, { json: true, db, dir: join(db, "..", "none") }, listed.io);
    expect(JSON.parse(listed.out.join(""))).toEqual([expect.objectContaining({ id: result.run, kind: "eval" })]);
  }, 60_000);
});
