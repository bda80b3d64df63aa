import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 (hex) of a file, streamed so multi-GB GGUF models do not load into memory. */
export async function hashFile(path: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { signal: options.signal })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** SHA-256 (hex) of a string, e.g. a dataset's canonical JSON. */
export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
