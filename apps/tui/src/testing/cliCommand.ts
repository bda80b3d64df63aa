import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const srcDir = join(import.meta.dirname, "..");
const builtCli = join(srcDir, "..", "dist", "cli.js");

/** Newest modification time of the sources under `dir` (tests excluded), to tell whether dist/ is current. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Node arguments that run the real `nomen` command: the built `dist/cli.js` when it is at least as new as the
 * sources (it starts in a fraction of tsx's time, which matters on a loaded machine), else `src/cli.ts`
 * through tsx (a stale dist/ would test stale code).
 */
export function cliCommand(): string[] {
  const useBuilt = existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestMtime(srcDir);
  return useBuilt ? [builtCli] : ["--import", import.meta.resolve("tsx"), join(srcDir, "cli.ts")];
}
