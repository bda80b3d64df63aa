import { createHash } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";

/** Writes a file through a temp file and a rename, so readers never see half a file. Returns its sha256. */
export function writeFileAtomic(path: string, content: string): string {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
  return createHash("sha256").update(content).digest("hex");
}
