import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listRuns, newRunId, saveRun } from "./runs.js";
import { tempDir } from "./testing/tempDir.js";

describe("runs", () => {
  it("records runs and lists them newest first", () => {
    const dir = tempDir("nomen-runs-");
    const base = {
      kind: "dataset" as const,
      command: "nomen dataset generate",
      status: "succeeded" as const,
      summary: {},
    };
    saveRun(dir, { ...base, id: "dataset-1", startedAt: "2026-11-28T10:00:00Z" });
    saveRun(dir, { ...base, id: "dataset-2", startedAt: "2026-11-28T11:00:00Z" });
    expect(listRuns(dir).map((run) => run.id)).toEqual(["dataset-2", "dataset-1"]);
    expect(listRuns(join(dir, "missing"))).toEqual([]);
    expect(newRunId("eval", new Date("2026-11-28T12:34:56.789Z"))).toBe("eval-20261128T123456Z");
  });
});
