import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";

/**
 * The package's one atomic write (checkpoints, sweep results, adapters): writes `data` (one buffer, a string, or chunks
 * written in order without concatenating them) to a temp file `<path>.<pid>.<hex>.tmp` beside `path`, syncs it and
 * renames it over `path`: readers never see a partial file, and a `kill -9` leaves only the temp file behind.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string | readonly Uint8Array[],
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temp, "w");
  try {
    if (typeof data === "string" || data instanceof Uint8Array) await handle.writeFile(data);
    else await handle.writev([...data]);
    await handle.sync();
    await handle.close();
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}
