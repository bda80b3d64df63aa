import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { DisposedError, RunNotFoundError } from "../errors.js";

/** Everything that identifies how a run was made. */
export interface RunInfo {
  model: string;
  modelHash?: string;
  adapter?: string;
  adapterHash?: string;
  dataset: string;
  datasetVersion?: string;
  datasetHash?: string;
  suite: string;
  config: Record<string, unknown>;
  seed: number;
  backend: string;
  durationMs: number;
}

/** Per-item scores of a run: comparisons pair items by `itemId`. */
export interface ItemScore {
  itemId: string;
  category: string;
  overall: number;
  scores: Record<string, number>;
}

/** A stored run. */
export interface RunRecord extends RunInfo {
  id: string;
  createdAt: string;
  summary: Record<string, unknown>;
  items: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, model TEXT NOT NULL, model_hash TEXT, adapter TEXT, adapter_hash TEXT,
  dataset TEXT NOT NULL, dataset_version TEXT, dataset_hash TEXT, suite TEXT NOT NULL, config TEXT NOT NULL, seed INTEGER NOT NULL,
  backend TEXT NOT NULL, duration_ms REAL NOT NULL, summary TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS item_scores (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, item_id TEXT NOT NULL, category TEXT NOT NULL,
  overall REAL NOT NULL, scores TEXT NOT NULL, PRIMARY KEY (run_id, item_id)
);`;

/**
 * Local SQLite record of every evaluation run (better-sqlite3 12). Open with
 * `RunStore.open({ path })`, always `dispose()` (or `using`).
 *
 * @example
 * using store = RunStore.open({ path: ".nomen/runs.db" });
 * const id = store.record(info, items, summary);
 */
export class RunStore {
  #db: Database.Database | undefined;

  private constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Opens (creating if needed) the database. `path` defaults to `.nomen/runs.db`; ":memory:" for tests. */
  static open(options: { path?: string } = {}): RunStore {
    const path = options.path ?? ".nomen/runs.db";
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(SCHEMA);
    return new RunStore(db);
  }

  get disposed(): boolean {
    return this.#db === undefined;
  }

  /** Stores a run with its per-item scores in one transaction; returns its id. */
  record(info: RunInfo, items: readonly ItemScore[], summary: Record<string, unknown> = {}): string {
    const db = this.#open();
    const id = `${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "")}-${randomUUID().slice(0, 8)}`;
    const insertRun = db.prepare(
      "INSERT INTO runs VALUES (@id, @createdAt, @model, @modelHash, @adapter, @adapterHash, @dataset, @datasetVersion, @datasetHash, @suite, @config, @seed, @backend, @durationMs, @summary)",
    );
    const insertItem = db.prepare("INSERT INTO item_scores VALUES (?, ?, ?, ?, ?)");
    db.transaction(() => {
      insertRun.run({
        id,
        createdAt: new Date().toISOString(),
        model: info.model,
        modelHash: info.modelHash ?? null,
        adapter: info.adapter ?? null,
        adapterHash: info.adapterHash ?? null,
        dataset: info.dataset,
        datasetVersion: info.datasetVersion ?? null,
        datasetHash: info.datasetHash ?? null,
        suite: info.suite,
        config: JSON.stringify(info.config),
        seed: info.seed,
        backend: info.backend,
        durationMs: info.durationMs,
        summary: JSON.stringify(summary),
      });
      for (const item of items)
        insertItem.run(id, item.itemId, item.category, item.overall, JSON.stringify(item.scores));
    })();
    return id;
  }

  /** Runs, newest first. Defaults to the last 50. */
  list(options: { limit?: number } = {}): RunRecord[] {
    const rows = this.#open()
      .prepare(
        "SELECT r.*, (SELECT COUNT(*) FROM item_scores i WHERE i.run_id = r.id) AS items FROM runs r ORDER BY created_at DESC, id DESC LIMIT ?",
      )
      .all(options.limit ?? 50) as Row[];
    return rows.map(toRecord);
  }

  /** One run; throws {@link RunNotFoundError}. */
  get(id: string): RunRecord {
    const row = this.#open()
      .prepare(
        "SELECT r.*, (SELECT COUNT(*) FROM item_scores i WHERE i.run_id = r.id) AS items FROM runs r WHERE id = ?",
      )
      .get(id) as Row | undefined;
    if (!row) throw new RunNotFoundError(id);
    return toRecord(row);
  }

  /** A run's per-item scores. */
  items(id: string): ItemScore[] {
    this.get(id);
    const rows = this.#open()
      .prepare("SELECT item_id, category, overall, scores FROM item_scores WHERE run_id = ? ORDER BY item_id")
      .all(id) as {
      item_id: string;
      category: string;
      overall: number;
      scores: string;
    }[];
    return rows.map((r) => ({
      itemId: r.item_id,
      category: r.category,
      overall: r.overall,
      scores: JSON.parse(r.scores),
    }));
  }

  dispose(): void {
    this.#db?.close();
    this.#db = undefined;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }

  #open(): Database.Database {
    if (!this.#db) throw new DisposedError("RunStore");
    return this.#db;
  }
}

interface Row {
  id: string;
  created_at: string;
  model: string;
  model_hash: string | null;
  adapter: string | null;
  adapter_hash: string | null;
  dataset: string;
  dataset_version: string | null;
  dataset_hash: string | null;
  suite: string;
  config: string;
  seed: number;
  backend: string;
  duration_ms: number;
  summary: string;
  items: number;
}

function toRecord(row: Row): RunRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    model: row.model,
    ...(row.model_hash ? { modelHash: row.model_hash } : {}),
    ...(row.adapter ? { adapter: row.adapter } : {}),
    ...(row.adapter_hash ? { adapterHash: row.adapter_hash } : {}),
    dataset: row.dataset,
    ...(row.dataset_version ? { datasetVersion: row.dataset_version } : {}),
    ...(row.dataset_hash ? { datasetHash: row.dataset_hash } : {}),
    suite: row.suite,
    config: JSON.parse(row.config),
    seed: row.seed,
    backend: row.backend,
    durationMs: row.duration_ms,
    summary: JSON.parse(row.summary),
    items: row.items,
  };
}
