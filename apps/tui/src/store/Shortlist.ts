import { join } from "node:path";
import { readJsonFile, writeFileAtomic } from "./jsonFile.js";

/** A kept name and what the user asked for when it came up. */
export interface ShortlistEntry {
  domain: string;
  confidence: number;
  description: string;
  addedAt: string;
}

function isEntries(value: unknown): value is ShortlistEntry[] {
  return Array.isArray(value) && value.every((entry) => typeof entry?.domain === "string");
}

/** The shortlist, persisted to `<dataDir>/shortlist.json` after every change. */
export class Shortlist {
  readonly path: string;
  #entries: ShortlistEntry[];

  constructor(options: { dataDir: string }) {
    this.path = join(options.dataDir, "shortlist.json");
    this.#entries = readJsonFile(this.path, [], isEntries);
  }

  get entries(): readonly ShortlistEntry[] {
    return this.#entries;
  }

  has(domain: string): boolean {
    return this.#entries.some((entry) => entry.domain === domain);
  }

  /** Adds the entry, or removes it when already there; returns true when it is now on the list. */
  toggle(entry: Omit<ShortlistEntry, "addedAt">): boolean {
    const present = this.has(entry.domain);
    this.#entries = present
      ? this.#entries.filter((kept) => kept.domain !== entry.domain)
      : [...this.#entries, { ...entry, addedAt: new Date().toISOString() }];
    this.#save();
    return !present;
  }

  remove(domain: string): void {
    this.#entries = this.#entries.filter((entry) => entry.domain !== domain);
    this.#save();
  }

  #save(): void {
    writeFileAtomic(this.path, `${JSON.stringify(this.#entries, null, 2)}\n`);
  }
}
