/** One JSON value per line, each line ending in "\n". */
export function formatJsonl(rows: readonly unknown[]): string {
  let out = "";
  for (const row of rows) out += `${JSON.stringify(row)}\n`;
  return out;
}

/** Parses JSONL text (blank lines ignored). */
export function parseJsonl<T = unknown>(text: string): T[] {
  return text
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}
