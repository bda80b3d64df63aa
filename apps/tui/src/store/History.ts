import { join } from "node:path";
import { readJsonFile, writeFileAtomic } from "./jsonFile.js";

/** One past request. */
export interface HistoryEntry {
  description: string;
  at: string;
  count: number;
}

function isEntries(value: unknown): value is HistoryEntry[] {
  return Array.isArray(value) && value.every((entry) => typeof entry?.description === "string");
}

/** The most recent descriptions (newest first, no repeats), persisted to `<dataDir>/history.json`. */
export class History {
  readonly path: string;
  #entries: HistoryEntry[];

  constructor(options: { dataDir: string; limit?: number }) {
    this.path = join(options.dataDir, "history.json");
    this.#entries = readJsonFile(this.path, [], isEntries);
    this.limit = options.limit ?? 50;
  }

  readonly limit: number;

  get entries(): readonly HistoryEntry[] {
    return this.#entries;
  }

  add(description: string, count: number): void {
    const rest = this.#entries.filter((entry) => entry.description !== description);
    this.#entries = [{ description, count, at: new Date().toISOString() }, ...rest].slice(0, this.limit);
    writeFileAtomic(this.path, `${JSON.stringify(this.#entries, null, 2)}\n`);
  }
}
