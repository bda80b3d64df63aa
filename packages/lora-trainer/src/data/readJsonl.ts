import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { AbortError, type DatasetProblem, DatasetValidationError } from "../errors.js";

/** One parsed JSONL line. */
export interface JsonlRecord {
  /** 1-based line number in the file. */
  line: number;
  value: unknown;
}

/** What {@link readJsonl} found: the parsed lines and every line that is not valid JSON. */
export interface JsonlContents {
  file: string;
  records: JsonlRecord[];
  problems: DatasetProblem[];
}

/** Options for {@link readJsonl}. */
export interface ReadJsonlOptions {
  signal?: AbortSignal;
}

/**
 * Reads a JSON Lines file line by line (streamed, so large files are fine). Blank lines are skipped; a line that is
 * not valid JSON becomes a problem with its line number instead of stopping the read, so callers can report every
 * bad line at once. A UTF-8 BOM and CRLF line ends are accepted.
 */
export async function readJsonl(file: string, options: ReadJsonlOptions = {}): Promise<JsonlContents> {
  const { signal } = options;
  signal?.throwIfAborted();
  const records: JsonlRecord[] = [];
  const problems: DatasetProblem[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      if (signal?.aborted) {
        lines.close();
        throw new AbortError(`reading ${file} was aborted at line ${line}`, { cause: signal.reason });
      }
      const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      try {
        records.push({ line, value: JSON.parse(text) });
      } catch (error) {
        problems.push({ file, line, message: `malformed JSON (${(error as Error).message}): ${preview(text)}` });
      }
    }
  } catch (error) {
    if (error instanceof AbortError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatasetValidationError([{ file, line, message: `cannot read the file (${reason})` }], { cause: error });
  }
  return { file, records, problems };
}

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
