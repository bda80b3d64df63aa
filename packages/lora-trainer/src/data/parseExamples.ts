import type { ChatMessage } from "@nomen/core-tokenizer";
import { z } from "zod";
import { type DatasetProblem, DatasetValidationError, EmptyDatasetError } from "../errors.js";
import type { JsonlContents } from "./readJsonl.js";
import { type ReadJsonlOptions, readJsonl } from "./readJsonl.js";

/** `chat`: OpenAI / mlx-lm `{"messages":[…]}`; `completion`: `{"prompt","completion"}` (becomes user + assistant). */
export type DatasetFormat = "chat" | "completion";

/** One training conversation and where it came from. */
export interface ChatExample {
  messages: ChatMessage[];
  file: string;
  line: number;
}

/** What {@link parseExamples} found. */
export interface ParsedExamples {
  /** The file's format, from its first well-formed line; undefined when no line is well formed. */
  format: DatasetFormat | undefined;
  examples: ChatExample[];
  problems: DatasetProblem[];
}

const nonEmpty = (what: string) =>
  z
    .string({ error: (issue) => `${what} must be a string, got ${kind(issue.input)}` })
    .refine((s) => s.trim().length > 0, { error: `${what} is empty` });

const messageSchema = z.object({
  role: z.enum(["system", "user", "assistant"], {
    error: (issue) => `role is ${JSON.stringify(issue.input)}; expected "system", "user" or "assistant"`,
  }),
  content: nonEmpty("content"),
});

const chatSchema = z.object({
  messages: z
    .array(messageSchema, { error: (issue) => `"messages" must be an array, got ${kind(issue.input)}` })
    .min(1, { error: `"messages" is empty` })
    .refine((m) => m.some((message) => message.role === "assistant"), {
      error: "no assistant message: nothing to train on",
    })
    .refine((m) => m.every((message, i) => message.role !== "system" || i === 0), {
      error: "a system message may only come first",
    }),
});

const completionSchema = z.object({ prompt: nonEmpty('"prompt"'), completion: nonEmpty('"completion"') });

/**
 * Validates every parsed line (keys, roles, empty content, one format per file) and turns completion lines into a
 * user/assistant chat. Collects all problems instead of stopping at the first; combine with the JSON problems of
 * {@link readJsonl}. Extra keys (e.g. mlx-lm's "tools") are ignored.
 */
export function parseExamples(contents: JsonlContents): ParsedExamples {
  const { file } = contents;
  const problems: DatasetProblem[] = [...contents.problems];
  const examples: ChatExample[] = [];
  let format: DatasetFormat | undefined;
  let formatLine = 0;
  for (const { line, value } of contents.records) {
    const problem = (message: string) => problems.push({ file, line, message });
    const lineFormat = detectFormat(value);
    if (lineFormat === undefined) {
      problem(
        `expected an object with "messages" (chat) or "prompt" and "completion" (completion), got ${describeKeys(value)}`,
      );
      continue;
    }
    const result = (lineFormat === "chat" ? chatSchema : completionSchema).safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) problem(`${formatPath(issue.path)}${issue.message}`);
      continue;
    }
    if (format === undefined) [format, formatLine] = [lineFormat, line];
    else if (lineFormat !== format) {
      problem(
        `${lineFormat} format, but line ${formatLine} set the file's format to ${format}; use one format per file`,
      );
      continue;
    }
    const messages: ChatMessage[] =
      "messages" in result.data
        ? result.data.messages
        : [
            { role: "user", content: result.data.prompt },
            { role: "assistant", content: result.data.completion },
          ];
    examples.push({ messages, file, line });
  }
  problems.sort((a, b) => a.line - b.line);
  return { format, examples, problems };
}

/** Options for {@link loadExamples}. */
export type LoadExamplesOptions = ReadJsonlOptions;

/**
 * Reads and validates a whole chat or completion JSONL file before any training starts.
 * @throws DatasetValidationError listing every bad line (file:line: what is wrong); EmptyDatasetError when the
 *   file holds no example.
 */
export async function loadExamples(file: string, options: LoadExamplesOptions = {}): Promise<ParsedExamples> {
  const parsed = parseExamples(await readJsonl(file, options));
  if (parsed.problems.length > 0) throw new DatasetValidationError(parsed.problems);
  if (parsed.examples.length === 0) {
    throw new EmptyDatasetError(`${file} holds no training example. Hint: one JSON object per line.`);
  }
  return parsed;
}

function detectFormat(value: unknown): DatasetFormat | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  if ("messages" in value) return "chat";
  if ("prompt" in value || "completion" in value) return "completion";
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "";
  return `${path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("")}: `;
}

function describeKeys(value: unknown): string {
  if (typeof value !== "object" || value === null) return kind(value);
  if (Array.isArray(value)) return "an array";
  const keys = Object.keys(value);
  return keys.length === 0 ? "an empty object" : `keys ${keys.map((k) => JSON.stringify(k)).join(", ")}`;
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
