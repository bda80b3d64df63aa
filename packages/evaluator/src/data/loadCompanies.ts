import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DatasetNotFoundError, InvalidDatasetRowError } from "../errors.js";
import { isTestSplit } from "./fnv1a.js";

/** One real (description, domain) pair from the real-companies file. */
export interface CompanyRow {
  name: string;
  description: string;
  domain: string;
  industry: string | null;
  descMentionsName: boolean;
  /** YC batch year bucketed into eras ("≤2014", "2015-2018", "2019-2021", "2022-2023", "≥2024"), from `source`; null if unknown. */
  era: string | null;
  split: "train" | "test";
}

/** Buckets the batch year in a `source` path ("…/Winter 2012.json", "…/S24.json") into an era. */
export function eraOf(source: unknown): string | null {
  if (typeof source !== "string") return null;
  const long = source.match(/(\d{4})\.json$/);
  const short = source.match(/[A-Z]+(\d{2})\.json$/);
  const year = long ? Number(long[1]) : short ? 2000 + Number(short[1]) : undefined;
  if (year === undefined) return null;
  return year <= 2014
    ? "≤2014"
    : year <= 2018
      ? "2015-2018"
      : year <= 2021
        ? "2019-2021"
        : year <= 2023
          ? "2022-2023"
          : "≥2024";
}

const RELATIVE_TO_REPO_ROOT = "../shared/data/real-companies/companies.jsonl";

/**
 * Where the real-companies file is expected: `$NOMEN_COMPANIES_PATH` when set, else
 * `<repo root>/../shared/data/real-companies/companies.jsonl`, the repo root being the nearest folder
 * above `from` holding `pnpm-workspace.yaml` (so the default works from any working directory).
 * Falls back to the same path relative to the working directory when no repo root is found.
 * Defaults: `env` = `process.env`, `from` = this module's folder.
 */
export function defaultCompaniesPath(
  options: { env?: Record<string, string | undefined>; from?: string } = {},
): string {
  const { env = process.env, from = dirname(fileURLToPath(import.meta.url)) } = options;
  const override = env.NOMEN_COMPANIES_PATH;
  if (override) return resolve(override);
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return resolve(dir, RELATIVE_TO_REPO_ROOT);
    if (dirname(dir) === dir) return RELATIVE_TO_REPO_ROOT;
  }
}

/** Default location of the real-companies file at import time (see {@link defaultCompaniesPath}). */
export const DEFAULT_COMPANIES_PATH = defaultCompaniesPath();

/**
 * Reads and validates the whole real-companies JSONL file before any work starts.
 * Throws {@link DatasetNotFoundError} when absent, {@link InvalidDatasetRowError} on a bad row.
 */
export function loadCompanies(path: string): CompanyRow[] {
  if (!existsSync(path)) throw new DatasetNotFoundError(path);
  const rows: CompanyRow[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line) as Record<string, unknown>;
    } catch (cause) {
      throw new InvalidDatasetRowError(path, index + 1, "not valid JSON", { cause });
    }
    const { name, description, domain, industry, desc_mentions_name: mentions, source } = raw;
    if (typeof name !== "string" || typeof description !== "string" || typeof domain !== "string") {
      throw new InvalidDatasetRowError(path, index + 1, "expected string fields name, description, domain");
    }
    rows.push({
      name,
      description,
      domain,
      industry: typeof industry === "string" ? industry : null,
      descMentionsName: mentions === true,
      era: eraOf(source),
      split: isTestSplit(name) ? "test" : "train",
    });
  }
  return rows;
}
