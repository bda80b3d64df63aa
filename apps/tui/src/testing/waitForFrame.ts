/** Test helpers for Ink screens: poll the rendered frame instead of sleeping a fixed time. */

/** The frame without ANSI colour codes. */
export function plain(frame: string | undefined): string {
  return (frame ?? "").replace(/\u001B\[[0-9;]*m/g, "");
}

/** Waits until `lastFrame()` satisfies `predicate` (string: contains it); throws with the last frame after `timeoutMs`. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: string | ((frame: string) => boolean),
  timeoutMs = 3_000,
): Promise<string> {
  const test = typeof predicate === "string" ? (frame: string) => frame.includes(predicate) : predicate;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = plain(lastFrame());
    if (test(frame)) {
      // Ink registers input handlers in effects after the frame is drawn: let them run before the next key.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${String(predicate)}; last frame:\n${frame}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const keys = { up: "\u001B[A", down: "\u001B[B", enter: "\r", escape: "\u001B", tab: "\t", backspace: "\u007F" };
