import type { CommandIo } from "../terminal.js";
import { tempDir } from "./tempDir.js";

/** A CommandIo that records what a command writes; `isTTY` false = plain output, a fresh XDG config folder. */
export function createTestIo(isTTY = false, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    stdout: { write: (text: string) => out.push(text), isTTY },
    stderr: { write: (text: string) => err.push(text) },
    env: { XDG_CONFIG_HOME: tempDir("nomen-cfg-"), ...env },
  };
  return { io, out, err };
}
