import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetValidationError, EmptyDatasetError } from "../errors.js";
import { loadExamples } from "./parseExamples.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lora-trainer-data-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.join("\n"));
  return path;
}

const chat = (...messages: Array<[string, unknown]>) =>
  JSON.stringify({ messages: messages.map(([role, content]) => ({ role, content })) });

describe("loadExamples", () => {
  it("reads chat JSONL (BOM, CRLF, blank lines, extra keys) and keeps line numbers", async () => {
    const path = join(dir, "chat.jsonl");
    const lines = [
      chat(["system", "Suggest domains."], ["user", "Bakery in Lyon"], ["assistant", "painlyon.fr"]),
      "",
      JSON.stringify({
        messages: [
          { role: "user", content: "Vet in Oslo" },
          { role: "assistant", content: "vet.no" },
        ],
        tools: [],
      }),
    ];
    await writeFile(path, `\uFEFF${lines.join("\r\n")}\r\n`);
    const { format, examples } = await loadExamples(path);
    expect(format).toBe("chat");
    expect(examples.map((e) => e.line)).toEqual([1, 3]);
    expect(examples[0]?.messages).toEqual([
      { role: "system", content: "Suggest domains." },
      { role: "user", content: "Bakery in Lyon" },
      { role: "assistant", content: "painlyon.fr" },
    ]);
  });

  it("turns completion JSONL into a user/assistant chat", async () => {
    const path = await file("completion.jsonl", [
      JSON.stringify({ prompt: "Bakery in Lyon", completion: "painlyon.fr" }),
    ]);
    const { format, examples } = await loadExamples(path);
    expect(format).toBe("completion");
    expect(examples[0]?.messages).toEqual([
      { role: "user", content: "Bakery in Lyon" },
      { role: "assistant", content: "painlyon.fr" },
    ]);
  });

  it("validates the whole file and reports every bad line with file and line number", async () => {
    const path = await file("bad.jsonl", [
      chat(["user", "ok"], ["assistant", "fine.com"]), // 1: good
      '{"messages": [{"role": "user", "content": "unterminated"}', // 2: malformed JSON
      chat(["bot", "hi"], ["assistant", "x.com"]), // 3: wrong role
      chat(["user", "   "], ["assistant", "x.com"]), // 4: empty content
      JSON.stringify({ text: "no known keys" }), // 5: missing keys
      chat(["user", "only a question"]), // 6: nothing to learn
      JSON.stringify({ prompt: "a", completion: "b.com" }), // 7: second format
      JSON.stringify({ prompt: "a" }), // 8: missing completion
      chat(["user", "q"], ["system", "late"], ["assistant", "a.com"]), // 9: system not first
      JSON.stringify({ messages: "nope" }), // 10
      "[1, 2]", // 11
      chat(["user", "ok too"], ["assistant", "fine.net"]), // 12: good
    ]);
    const error = await loadExamples(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    const { problems, message } = error as DatasetValidationError;
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(problems.every((p) => p.file === path)).toBe(true);
    const byLine = new Map(problems.map((p) => [p.line, p.message]));
    expect(byLine.get(2)).toMatch(/malformed JSON/);
    expect(byLine.get(3)).toMatch(/messages\[0\]\.role: role is "bot"/);
    expect(byLine.get(4)).toMatch(/messages\[0\]\.content: content is empty/);
    expect(byLine.get(5)).toMatch(/keys "text"/);
    expect(byLine.get(6)).toMatch(/no assistant message/);
    expect(byLine.get(7)).toMatch(/completion format, but line 1 set the file's format to chat/);
    expect(byLine.get(8)).toMatch(/completion: "completion" must be a string, got undefined/);
    expect(byLine.get(9)).toMatch(/system message may only come first/);
    expect(byLine.get(10)).toMatch(/"messages" must be an array, got string/);
    expect(byLine.get(11)).toMatch(/got an array/);
    expect(message).toContain(`${path}:2: malformed JSON`);
    expect(message).toContain(`${path}:3: messages[0].role`);
  });

  it("lists at most 20 problems in the message but keeps them all", async () => {
    const path = await file(
      "many.jsonl",
      Array.from({ length: 25 }, () => "{oops"),
    );
    const error = (await loadExamples(path).catch((e: unknown) => e)) as DatasetValidationError;
    expect(error.problems).toHaveLength(25);
    expect(error.message).toContain("… and 5 more");
  });

  it("rejects an empty file and a file of blank lines with EmptyDatasetError", async () => {
    await expect(loadExamples(await file("empty.jsonl", []))).rejects.toBeInstanceOf(EmptyDatasetError);
    await expect(loadExamples(await file("blank.jsonl", ["", "  ", ""]))).rejects.toThrow(/holds no training example/);
  });

  it("names a file it cannot read", async () => {
    const missing = join(dir, "missing.jsonl");
    const error = (await loadExamples(missing).catch((e: unknown) => e)) as DatasetValidationError;
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect(error.problems).toEqual([{ file: missing, line: 0, message: "cannot read the file (ENOENT)" }]);
  });

  it("stops on an aborted signal", async () => {
    const path = await file("abort.jsonl", [chat(["user", "a"], ["assistant", "b"])]);
    await expect(loadExamples(path, { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
