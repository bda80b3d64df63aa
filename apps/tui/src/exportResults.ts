import { join } from "node:path";
import { writeFileAtomic } from "./store/jsonFile.js";

/** One exported row. */
export interface ExportRow {
  domain: string;
  confidence: number;
  availability?: string;
}

/** CSV (RFC 4180: quoted when needed) with a header row. */
export function toCsv(rows: readonly ExportRow[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = rows.map((row) => [row.domain, String(row.confidence), row.availability ?? ""].map(quote).join(","));
  return `${["domain,confidence,availability", ...lines].join("\r\n")}\r\n`;
}

/** Writes `rows` as `<dir>/nomen-<stamp>.<format>` (atomically) and returns the path. */
export function exportResults(options: {
  rows: readonly ExportRow[];
  description: string;
  format: "csv" | "json";
  dir: string;
  now?: Date;
}): string {
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
  const path = join(options.dir, `nomen-${stamp}.${options.format}`);
  const content =
    options.format === "csv"
      ? toCsv(options.rows)
      : `${JSON.stringify({ business_description: options.description, suggestions: options.rows }, null, 2)}\n`;
  writeFileAtomic(path, content);
  return path;
}
