import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { StateFileError } from "../errors.js";

/** Reads a JSON state file; `fallback` when it does not exist; {@link StateFileError} when it is corrupt. */
export function readJsonFile<T>(path: string, fallback: T, isValid: (value: unknown) => value is T): T {
  if (!existsSync(path)) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new StateFileError(`${path} is not valid JSON; it was left untouched. Hint: fix or move it.`, { cause });
  }
  if (!isValid(value)) throw new StateFileError(`${path} does not hold what nomen expects; it was left untouched.`);
  return value;
}

/** Writes a file atomically (temp file + rename), creating its folder. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}
