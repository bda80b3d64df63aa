import { existsSync } from "node:fs";
import { RunStore } from "@nomen/evaluator";
import { loadCliConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { listRuns, type RunRecord } from "../runs.js";
import { type CommandIo, processIo } from "../terminal.js";
import { compareRunsCommand } from "./runsCompare.js";

/** `nomen runs list|show <id>|compare <a> <b>`: the recorded dataset, train and eval runs. */
export async function runsCommand(
  action: string,
  id: string | undefined,
  flags: { json?: boolean; dir?: string; db?: string; config?: string },
  io: CommandIo = processIo,
  other?: string,
): Promise<number> {
  if (action === "compare") return compareRunsCommand(id, other, flags, io);
  const runsDir = flags.dir ?? loadCliConfig({ file: flags.config, env: io.env }).runsDir;
  const runs = [...listRuns(runsDir), ...evalRuns(flags.db ?? ".nomen/runs.db")].sort((a, b) =>
    b.startedAt.localeCompare(a.startedAt),
  );
  if (action === "list") {
    if (flags.json) io.stdout.write(`${JSON.stringify(runs)}\n`);
    else if (runs.length === 0) io.stderr.write(`nomen: no runs recorded in ${runsDir}\n`);
    else for (const run of runs) io.stdout.write(`${run.id}\t${run.kind}\t${run.status}\t${run.command}\n`);
    return 0;
  }
  if (action === "show") {
    const run = runs.find((candidate) => candidate.id === id);
    if (!run) throw new UsageError(`No run ${JSON.stringify(id ?? "")} in ${runsDir}. Hint: nomen runs list.`);
    io.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`Unknown runs action ${JSON.stringify(action)}: expected list, show or compare.`);
}

/** Evaluation runs from the evaluator's RunStore, in the same shape (none when the store does not exist yet). */
function evalRuns(db: string): RunRecord[] {
  if (!existsSync(db)) return [];
  const store = RunStore.open({ path: db });
  try {
    return store.list().map((run) => ({
      id: run.id,
      kind: "eval",
      command: `nomen eval --data ${run.dataset} --split ${run.suite}`,
      startedAt: run.createdAt,
      status: "succeeded",
      summary: { ...run.summary, model: run.model, adapter: run.adapter, backend: run.backend, items: run.items },
      output: db,
    }));
  } finally {
    store.dispose();
  }
}
