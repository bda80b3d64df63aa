import { spawn } from "node:child_process";
import { validateDomain } from "@nomen/domains";
import { type SuggestPhases, suggestPhases, type TimingReport } from "../src/timings.js";

/** One cold `nomen` process: wall time from spawn to exit, and what it reported. */
export interface ColdRun {
  wallMs: number;
  /** From spawn until the new process's clock starts (fork + exec of node). */
  spawnMs?: number;
  /** From `cli:done` until the parent saw the process exit. */
  exitMs?: number;
  phases?: SuggestPhases;
  cpuMs?: number;
  /** Valid domains in the answer (each re-checked with `@nomen/domains`). */
  validDomains: number;
}

/** Runs `node <args>` once with `NOMEN_TIMINGS=1`; throws with its stderr when it fails. */
export async function coldRun(args: string[], options: { cwd: string }): Promise<ColdRun> {
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, NOMEN_TIMINGS: "1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const exitedAt = performance.timeOrigin + performance.now();
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited ${code}: ${stderr.trim().slice(-2000)}`);
  const line = stderr.split("\n").find((l) => l.startsWith("nomen-timings "));
  const report = line ? (JSON.parse(line.slice("nomen-timings ".length)) as TimingReport) : undefined;
  const done = report?.marks.find((mark) => mark.name === "cli:done");
  return {
    wallMs: exitedAt - spawnedAt,
    spawnMs: report ? report.timeOrigin - spawnedAt : undefined,
    exitMs: report && done ? exitedAt - (report.timeOrigin + done.at) : undefined,
    phases: report ? suggestPhases(report) : undefined,
    cpuMs: report ? report.cpuMs.user + report.cpuMs.system : undefined,
    validDomains: countValid(stdout),
  };
}

function countValid(stdout: string): number {
  try {
    const body = JSON.parse(stdout) as { suggestions?: { domain: string }[] };
    return (body.suggestions ?? []).filter((s) => validateDomain(s.domain).valid).length;
  } catch {
    return 0;
  }
}
