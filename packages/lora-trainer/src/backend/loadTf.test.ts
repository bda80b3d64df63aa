import { describe, expect, it } from "vitest";
import { BackendUnavailableError } from "../errors.js";
import { loadTf } from "./loadTf.js";

describe("loadTf", () => {
  it("picks the first backend that initialises and logs it with the reasons others were skipped", async () => {
    const lines: string[] = [];
    const { tf, backend, skipped } = await loadTf({ log: (line) => lines.push(line) });
    expect(["tensorflow", "wasm", "cpu"]).toContain(backend);
    expect(tf.getBackend()).toBe(backend);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`tfjs backend ${backend}`);
    if (backend !== "tensorflow") expect(skipped.tensorflow).toBeTruthy(); // tfjs-node without libtensorflow
  });

  it("returns the same engine for the same preference", async () => {
    const first = await loadTf({ log: () => {} });
    expect(await loadTf({ log: () => {} })).toBe(first);
  });

  it("rejects an unknown backend name with a named error", async () => {
    await expect(loadTf({ backend: "webgpu" as never, log: () => {} })).rejects.toThrow(BackendUnavailableError);
  });

  it("reports why a forced backend failed instead of crashing", async () => {
    const result = loadTf({ backend: "tensorflow", log: () => {} }).then(
      (loaded) => loaded.backend,
      (error: unknown) => error,
    );
    const outcome = await result;
    if (outcome === "tensorflow") return; // a machine where tfjs-node has its native binding
    expect(outcome).toBeInstanceOf(BackendUnavailableError);
    expect(String((outcome as Error).message)).toMatch(/tensorflow \(.+\)/);
  });
});
