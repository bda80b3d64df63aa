import { renameSync, writeFileSync } from "node:fs";

/** Temp file + rename, so a reader never sees half a file. Returns `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): string {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
  return path;
}
