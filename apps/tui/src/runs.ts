import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readJsonFile, writeFileAtomic } from "./store/jsonFile.js";

/** A recorded run of `nomen dataset|train|eval`: `<runsDir>/<id>/run.json`. */
export interface RunRecord {
  id: string;
  kind: "dataset" | "train" | "eval";
  command: string;
  startedAt: string;
  finishedAt?: string;
  status: "running" | "succeeded" | "failed";
  /** Headline numbers (e.g. split sizes, loss, scores). */
  summary: Record<string, unknown>;
  /** Where the run's output went. */
  output?: string;
}

function isRun(value: unknown): value is RunRecord {
  return typeof value === "object" && value !== null && typeof (value as RunRecord).id === "string";
}

/** Writes (or rewrites) a run's record atomically. */
export function saveRun(runsDir: string, run: RunRecord): string {
  const path = join(runsDir, run.id, "run.json");
  writeFileAtomic(path, `${JSON.stringify(run, null, 2)}\n`);
  return path;
}

/** A sortable run id: `<kind>-<UTC stamp>`. */
export function newRunId(kind: RunRecord["kind"], now = new Date()): string {
  return `${kind}-${now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")}`;
}

/** Every recorded run, newest first. */
export function listRuns(runsDir: string): RunRecord[] {
  if (!existsSync(runsDir)) return [];
  return readdirSync(runsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(runsDir, entry.name, "run.json")))
    .map((entry) => readJsonFile(join(runsDir, entry.name, "run.json"), undefined, isRun))
    .filter((run): run is RunRecord => run !== undefined)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
