import { readFileSync } from "node:fs";
import type { PolicyCategory } from "../input/categories.js";

/** A checked-in list of blocked requests and near-misses (`src/fixtures/*.json`). */
export interface SafetyList {
  readonly blocked: ReadonlyArray<{ text: string; category: PolicyCategory }>;
  readonly nearMisses: ReadonlyArray<{ text: string; resembles: PolicyCategory }>;
}

/** Reads `src/fixtures/<name>`. */
export function readSafetyList(name: string): SafetyList {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")) as SafetyList;
}
