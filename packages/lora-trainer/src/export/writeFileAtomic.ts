import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";

/** Writes `data` to a temp file beside `path`, syncs it and renames it over `path`: readers never see a partial file. */
export async function writeFileAtomic(path: string, data: Uint8Array | string, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(data);
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
