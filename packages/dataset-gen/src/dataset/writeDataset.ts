import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { formatJsonl } from "../format/jsonl.js";
import { toChatRecord, toCompletionRecord } from "../format/records.js";
import { type Example, SPLITS } from "./Example.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** File names of a split: chat (`train.jsonl`), completion (`train.completion.jsonl`), metadata (`train.meta.jsonl`). */
export function splitFiles(split: string): { chat: string; completion: string; meta: string } {
  return { chat: `${split}.jsonl`, completion: `${split}.completion.jsonl`, meta: `${split}.meta.jsonl` };
}

/** Writes every split's JSONL files (atomically); returns sha256, bytes and line count per file. */
export function writeDataset(
  dir: string,
  examples: readonly Example[],
): Record<string, { sha256: string; bytes: number; lines: number }> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, { sha256: string; bytes: number; lines: number }> = {};
  for (const split of SPLITS) {
    const rows = examples.filter((e) => e.split === split);
    const names = splitFiles(split);
    const contents: Record<string, string> = {
      [names.chat]: formatJsonl(rows.map((e) => toChatRecord(e.text, e.assistant))),
      [names.completion]: formatJsonl(rows.map((e) => toCompletionRecord(e.text, e.assistant))),
      // The domains are in the assistant turn already; metadata keeps what the card counts.
      [names.meta]: formatJsonl(rows.map(({ id, group, meta: { domains: _, ...meta } }) => ({ id, group, ...meta }))),
    };
    for (const [name, content] of Object.entries(contents)) {
      const sha256 = writeFileAtomic(join(dir, name), content);
      files[name] = { sha256, bytes: Buffer.byteLength(content), lines: rows.length };
    }
  }
  return files;
}
