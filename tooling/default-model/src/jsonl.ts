import { readFile, rename, writeFile } from "node:fs/promises";
import { PipelineInputError } from "./errors.js";

/** Reads a JSONL file into parsed rows; a bad line is a {@link PipelineInputError} naming `file:line`. */
export async function readJsonlRows<T>(path: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new PipelineInputError(`cannot read ${path}: expected a JSONL file. Hint: run the prepare step first.`, {
      cause,
    });
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      try {
        return JSON.parse(line) as T;
      } catch (cause) {
        throw new PipelineInputError(`${path}:${index + 1}: expected JSON, got ${JSON.stringify(line.slice(0, 80))}`, {
          cause,
        });
      }
    });
}

/** Writes rows as JSONL atomically (temp file + rename). */
export async function writeJsonlRows(path: string, rows: readonly unknown[]): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  await rename(temp, path);
}
