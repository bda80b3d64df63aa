import { join } from "node:path";
import { createApp } from "@nomen/api";
import { createFakeAvailability, createFakeSuggester } from "@nomen/api/testing";
import { TIMING_CHANNEL as RUNTIME_TIMING_CHANNEL } from "@nomen/metal-runtime";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { describe, expect, it } from "vitest";
import type { CommandIo } from "../terminal.js";
import { tempDir } from "../testing/tempDir.js";
import { suggestPhases, TIMING_CHANNEL, type TimingReport } from "../timings.js";
import { suggestCommand } from "./suggest.js";

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: (text: string) => err.push(text) },
    env: { XDG_CONFIG_HOME: tempDir("nomen-cfg-"), ...env },
  };
  return { io: value, out, err };
}

/** What `POST /v1/suggestions` answers for the same request on the same (demo) pipeline. */
async function apiAnswer(body: Record<string, unknown>): Promise<unknown> {
  const app = createApp({
    suggester: createFakeSuggester(),
    availability: createFakeAvailability(),
    ready: () => true,
    processMetrics: false,
    config: { logLevel: "silent" },
  });
  const res = await app.request("/v1/suggestions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe("nomen suggest --json", () => {
  it("prints byte for byte what the API answers, for a success and a blocked request", async () => {
    for (const description of ["organic coffee shop downtown", "explicit content"]) {
      const { io: terminal, out } = io();
      await suggestCommand(description, { json: true, demo: true, count: 3, tlds: "com,io" }, terminal);
      const expected = await apiAnswer({ business_description: description, count: 3, tlds: ["com", "io"] });
      expect(out.join("")).toBe(`${JSON.stringify(expected)}\n`);
    }
  });
});

describe("NOMEN_TIMINGS", () => {
  it("reads the channel metal-runtime publishes on", () => {
    expect(TIMING_CHANNEL).toBe(RUNTIME_TIMING_CHANNEL);
  });

  it("writes one nomen-timings line with every stage of a real model run, in order, and nothing without it", async () => {
    const tiny = await writeTinyModel({ path: join(tempDir("nomen-tiny-"), "tiny.gguf") });
    const quiet = io();
    await suggestCommand("a bakery in Lyon", { json: true, model: tiny.path, count: 2 }, quiet.io);
    expect(quiet.err).toEqual([]);

    const timed = io({ NOMEN_TIMINGS: "1" });
    await suggestCommand("a bakery in Lyon", { json: true, model: tiny.path, count: 2 }, timed.io);
    expect(timed.err).toHaveLength(1);
    expect(timed.err[0]).toMatch(/^nomen-timings \{.*\}\n$/);
    const report = JSON.parse((timed.err[0] as string).slice("nomen-timings ".length)) as TimingReport;
    const names = report.marks.map((mark) => mark.name);
    for (const stage of [
      "cli:command",
      "runtime:start",
      "runtime:ready",
      "model:loaded",
      "context:ready",
      "cli:backend-ready",
      "pipeline:prompt",
      "generate:start",
      "generate:first-token",
      "generate:end",
      "pipeline:done",
      "cli:response",
      "cli:done",
    ]) {
      expect(names, names.join(" ")).toContain(stage);
    }
    expect(names.indexOf("runtime:ready")).toBeLessThan(names.indexOf("generate:start"));
    expect(names.at(-1)).toBe("cli:done");
    const times = report.marks.map((mark) => mark.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(report.nodeBootstrapMs).toBeGreaterThan(0);
    expect(report.cpuMs.user).toBeGreaterThan(0);
    // The bench's breakdown: every phase measured, none negative, together no longer than the command.
    const phases = suggestPhases(report);
    expect(phases).toBeDefined();
    const { rounds, tokens, availabilityChecked, nodeStart, cliStart, ...stages } = phases as NonNullable<
      typeof phases
    >;
    expect(rounds).toBeGreaterThanOrEqual(1);
    expect(tokens).toBeGreaterThan(0);
    expect(availabilityChecked).toBe(false);
    expect(nodeStart + cliStart).toBeLessThanOrEqual(report.marks[0]?.at ?? 0);
    for (const ms of Object.values(stages)) expect(ms).toBeGreaterThanOrEqual(0);
    const commandMs = (report.marks.at(-1)?.at ?? 0) - (report.marks[0]?.at ?? 0);
    // Post-processing runs per name during generation (its time overlaps it), so it stays out of the sum.
    const { postProcessing, ...sequential } = stages;
    expect(Object.values(sequential).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(commandMs + 1);
    expect(postProcessing).toBeLessThanOrEqual(commandMs);
  }, 60_000);
});
