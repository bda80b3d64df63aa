import { type BenchEnvironment, benchEnvironment } from "./environment.js";
import { type MeasureOptions, measure, type Timings } from "./measure.js";

/** One case's result: one JSON line per result on stdout. */
export interface BenchResult extends Timings {
  suite: string;
  name: string;
  /** Which engine or backend ran this case (e.g. "wasm", "llama.cpp cpu", "ours"). */
  backend: string;
  /** Work done per run, to turn time into throughput (e.g. bytes, tokens, items). */
  work?: { amount: number; unit: string };
  /** Throughput at the median: work.amount / median seconds. */
  perSecond?: number;
  environment: BenchEnvironment;
}

export interface BenchCase extends MeasureOptions {
  name: string;
  backend: string;
  work?: { amount: number; unit: string };
  fn: () => unknown;
}

/** Options for {@link BenchSuite}. */
export interface BenchSuiteOptions {
  /** Where lines go. Defaults to `console.log`. */
  print?: (line: string) => void;
}

/**
 * Runs benchmark cases side by side in one process, prints one JSON line per result
 * and, at the end, a table with ratios against a chosen baseline.
 *
 * @example
 * const suite = new BenchSuite("tokenizer");
 * await suite.add({ name: "encode", backend: "ours", work: { amount: bytes, unit: "B" }, fn: () => encode(text) });
 * suite.table({ baseline: "encode" });
 */
export class BenchSuite {
  readonly results: BenchResult[] = [];
  readonly #print: (line: string) => void;

  constructor(
    readonly suite: string,
    options: BenchSuiteOptions = {},
  ) {
    this.#print = options.print ?? ((line) => console.log(line));
  }

  async add(benchCase: BenchCase): Promise<BenchResult> {
    const { name, backend, work, fn, ...measureOptions } = benchCase;
    const timings = await measure(fn, measureOptions);
    const perSecond = work ? work.amount / (timings.medianMs / 1000) : undefined;
    const result: BenchResult = {
      suite: this.suite,
      name,
      backend,
      work,
      perSecond,
      ...timings,
      environment: benchEnvironment(),
    };
    this.results.push(result);
    this.#print(JSON.stringify({ ...result, samplesMs: result.samplesMs.map((ms) => Math.round(ms * 1000) / 1000) }));
    return result;
  }

  /** Prints a table; `ratio` is each case's throughput (or speed) relative to `baseline`. */
  table(options: { baseline?: string } = {}): string {
    const base = this.results.find((r) => r.name === options.baseline) ?? this.results[0];
    const env = benchEnvironment();
    const lines = [
      `${this.suite} — node ${env.node}, ${env.cores} cores, load ${env.loadAverage.join(" ")}`,
      row(["case", "backend", "min ms", "median ms", "max ms", "per s", "ratio"]),
    ];
    for (const r of this.results) {
      const ratio = base ? base.medianMs / r.medianMs : 1;
      const rate = r.perSecond === undefined ? "" : `${formatRate(r.perSecond)} ${r.work?.unit ?? ""}`;
      lines.push(row([r.name, r.backend, fmt(r.minMs), fmt(r.medianMs), fmt(r.maxMs), rate, `${ratio.toFixed(2)}×`]));
    }
    const text = lines.join("\n");
    this.#print(text);
    return text;
  }
}

function row(cells: string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(34) : c.padStart(i === 1 ? 16 : 12))).join(" ");
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
}

function formatRate(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)}G`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(2)}k`;
  return value.toFixed(2);
}
