import { render } from "ink";
import type { CommandIo } from "../terminal.js";
import { ProgressApp } from "../ui/ProgressApp.js";
import { ProgressStore } from "../ui/ProgressStore.js";

/**
 * Runs `job` showing live Ink progress on a terminal, or plain progress lines on stderr otherwise
 * (one per phase change and per 10%).
 */
export async function withProgress<T>(
  title: string,
  job: (store: ProgressStore) => Promise<{ result: T; message: string }>,
  io: CommandIo & { interactive: boolean },
): Promise<T> {
  const store = new ProgressStore(title);
  const startedAt = Date.now();
  const ink = io.interactive ? render(<ProgressApp store={store} startedAt={startedAt} />) : undefined;
  let lastLine = "";
  const unsubscribe = ink
    ? () => {}
    : store.subscribe(() => {
        const { phase, done, total } = store.state;
        const line = `${phase} ${total > 0 ? Math.floor((done / total) * 10) * 10 : 0}%`;
        if (line !== lastLine) io.stderr.write(`nomen: ${title}: ${line}\n`);
        lastLine = line;
      });
  try {
    const { result, message } = await job(store);
    store.update({ finished: { ok: true, message } });
    if (!ink) io.stderr.write(`nomen: ${title}: ${message}\n`);
    return result;
  } catch (error) {
    store.update({ finished: { ok: false, message: error instanceof Error ? error.message : String(error) } });
    throw error;
  } finally {
    unsubscribe();
    await ink?.waitUntilExit();
  }
}
