/**
 * Load bench: 2,000 requests at concurrency 32, three rounds, against the API on 127.0.0.1 in a child process.
 * Prints p50/p95/p99, throughput and status counts per round, the server's RSS after each round, and a final
 * overload round (concurrency 128) that must be answered with deliberate 503s, not errors.
 *
 *   pnpm --filter @nomen/api bench
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { benchEnvironment } from "@nomen/bench";
import autocannon from "autocannon";

const requestsPerRound = Number(process.env.BENCH_REQUESTS ?? 2000);
const connections = 32;
const body = JSON.stringify({ business_description: "organic coffee shop in downtown area", count: 5 });

interface RoundReport {
  round: string;
  requests: number;
  connections: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  statuses: Record<string, number>;
  /** Connection errors, timeouts and any status other than 2xx, 429 or 503. */
  errors: number;
  rssMiB: number;
  heapUsedMiB: number;
}

async function startChild(): Promise<{ child: ChildProcess; url: string; backend: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL("./server.ts", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, "line")) as [string];
  const { url, backend } = JSON.parse(first) as { url: string; backend: string };
  return { child, url, backend };
}

async function serverMemory(url: string): Promise<{ rssMiB: number; heapUsedMiB: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(text.match(new RegExp(`^${name} (\\S+)`, "m"))?.[1] ?? Number.NaN) / 2 ** 20;
  return {
    rssMiB: round1(read("nomen_process_resident_memory_bytes")),
    heapUsedMiB: round1(read("nomen_nodejs_heap_size_used_bytes")),
  };
}

async function round(url: string, name: string, amount: number, conns: number): Promise<RoundReport> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/v1/suggestions`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        amount,
        connections: Math.min(conns, amount),
        timeout: 30,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round1(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN);
  const unexpected = Object.entries(statuses)
    .filter(([status]) => !(status.startsWith("2") || status === "429" || status === "503"))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    round: name,
    requests: latencies.length,
    connections: conns,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    requestsPerSecond: round1(latencies.length / result.duration),
    statuses,
    errors: result.errors + result.timeouts + unexpected,
    ...(await serverMemory(url)),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

const { child, url, backend } = await startChild();
let crashed = false;
child.once("exit", (code, signal) => {
  crashed = code !== 0 || signal !== null;
});
try {
  const env = benchEnvironment();
  console.log(
    `api load — node ${env.node}, ${env.cores} cores, load ${env.loadAverage.join(" ")}, backend: ${backend}`,
  );
  await round(url, "warm-up", 200, connections);
  const reports: RoundReport[] = [];
  const runRound = async (name: string, conns: number) => {
    const report = await round(url, name, requestsPerRound, conns);
    console.log(JSON.stringify({ suite: "api-load", backend, ...report, environment: env })); // as soon as it is known
    reports.push(report);
  };
  for (let i = 1; i <= 3; i++) await runRound(`round ${i}`, connections);
  await runRound("overload (c=128)", 128);
  console.log(
    ["round".padEnd(18), "req", "conns", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors", "RSS MiB", "statuses"].join(
      "  ",
    ),
  );
  for (const r of reports) {
    const cells = [r.requests, r.connections, r.p50Ms, r.p95Ms, r.p99Ms, r.requestsPerSecond, r.errors, r.rssMiB];
    console.log([r.round.padEnd(18), ...cells.map(String), JSON.stringify(r.statuses)].join("  "));
  }
  const rss = reports.slice(0, 3).map((r) => r.rssMiB);
  const growth = (rss[2]! - rss[0]!) / rss[0]!;
  const alive = !crashed && (await fetch(`${url}/healthz`)).ok;
  const errors = reports.reduce((sum, r) => sum + r.errors, 0);
  console.log(
    `RSS rounds 1→3: ${rss.join(" → ")} MiB (${(growth * 100).toFixed(1)}%: ${Math.abs(growth) < 0.1 ? "flat" : "NOT flat"}); ` +
      `errors other than deliberate 429/503: ${errors}; server alive: ${alive}`,
  );
  process.exitCode = errors === 0 && alive && Math.abs(growth) < 0.1 ? 0 : 1;
} finally {
  child.kill("SIGTERM");
}
