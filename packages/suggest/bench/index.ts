/**
 * Pipeline vs raw node-llama-cpp, in one run, on a tiny random-weight model (CPU, threads 1):
 * suggestions/s, tokens/s and p50/p95 latency at concurrency 1, 4 and 16.
 * Peers: "pipeline" (createSuggester: guard, prompt, grammar, validate, filter, rank) and "raw"
 * (node-llama-cpp sequences with the same prompt tokens, grammar, sampler and seed, stopped after the
 * same number of tokens the pipeline generated for that request). Overhead = ms per token ratio − 1;
 * "own" splits out the time the pipeline spends outside the generator, measured in the same runs.
 *
 * Run: pnpm --filter @nomen/suggest bench
 */
import { benchEnvironment } from "@nomen/bench";
import { buildSuggestionGbnf, loadRuntime, resolveConstraints, type SuggestionGenerator } from "@nomen/metal-runtime";
import { writeTinyModel } from "@nomen/metal-runtime/testing";
import { getLlama, LlamaGrammarEvaluationState, LlamaLogLevel, resolveChatWrapper, type Token } from "node-llama-cpp";
import { buildMessages } from "../src/buildMessages.js";
import { createSuggester } from "../src/createSuggester.js";
import { resolveRequest } from "../src/request.js";
import type { PipelineStats } from "../src/runPipeline.js";

const SEQUENCES = 4;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 32);
const MAX_TOKENS = 160;
const DESCRIPTIONS = [
  "A family bakery in Lyon selling sourdough bread and pastries.",
  "Mobile app that helps runners find training partners nearby.",
  "Eco-friendly cleaning products delivered monthly to small offices.",
  "Bike repair shop in Utrecht with a cafe.",
];

interface PeerRun {
  peer: string;
  concurrency: number;
  wallMs: number;
  /** Summed over requests: time inside the generator, and total request time (pipeline only). */
  insideMs: number;
  requestMs: number;
  tokens: number;
  suggestions: number;
  latencies: number[];
}

const tiny = await writeTinyModel();
const runtime = await loadRuntime({ gpu: false, threads: 1 });
const model = await runtime.loadModel({ modelPath: tiny.path });
const local = await model.createGenerator({ sequences: SEQUENCES, maxQueue: 64 });
// Time spent inside the generator (queue wait + decoding), so the run also splits the pipeline's own cost out.
let insideGeneratorMs = 0;
const generator: SuggestionGenerator = {
  backend: local.backend,
  generateSuggestions: async (options) => {
    const started = performance.now();
    try {
      return await local.generateSuggestions(options);
    } finally {
      insideGeneratorMs += performance.now() - started;
    }
  },
  dispose: () => local.dispose(),
  [Symbol.asyncDispose]: () => local.dispose(),
};
const suggester = await createSuggester({ generator, maxRounds: 1, maxTokens: MAX_TOKENS, temperature: 0.8 });

// The raw peer: node-llama-cpp directly, same model file, same threads and sequences.
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const rawModel = await llama.loadModel({ modelPath: tiny.path });
const rawContext = await rawModel.createContext({ sequences: SEQUENCES, threads: 1, contextSize: 2048 });
const freeSequences = Array.from({ length: SEQUENCES }, () => rawContext.getSequence());
const waiters: (() => void)[] = [];
const chat = resolveChatWrapper(rawModel);

const requests = Array.from({ length: REQUESTS }, (_, i) => ({
  business_description: DESCRIPTIONS[i % DESCRIPTIONS.length] as string,
  count: 20,
  tlds: ["com", "io", "co"],
}));
const grammar = await llama.createGrammar({
  grammar: buildSuggestionGbnf(
    // The grammar the pipeline's first round uses: 20 items asked, at least the 20 still missing.
    resolveConstraints({ count: 20, minCount: 20, tlds: ["com", "io", "co"], allowHyphens: false, allowDigits: false }),
  ),
});
const promptTokens = requests.map((request) => {
  const messages = buildMessages(resolveRequest(request));
  const chatHistory = [
    { type: "system" as const, text: messages[0]?.content ?? "" },
    { type: "user" as const, text: messages[1]?.content ?? "" },
    { type: "model" as const, response: [] },
  ];
  return chat.generateContextState({ chatHistory }).contextText.tokenize(rawModel.tokenizer);
});
const pipelineTokens: number[] = new Array(REQUESTS).fill(MAX_TOKENS);

async function withSequence<T>(fn: (sequence: (typeof freeSequences)[number]) => Promise<T>): Promise<T> {
  while (freeSequences.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
  const sequence = freeSequences.pop() as (typeof freeSequences)[number];
  try {
    await sequence.clearHistory();
    return await fn(sequence);
  } finally {
    freeSequences.push(sequence);
    waiters.shift()?.();
  }
}

/**
 * Raw node-llama-cpp: the same prompt tokens, grammar, sampler call and seed as the pipeline, generating
 * exactly as many tokens as the pipeline did for request `i`. Batching makes sampling differ slightly between
 * runs, so a raw answer can end sooner; then it starts again (next seed) until the token count matches.
 */
async function rawGenerate(i: number): Promise<number> {
  return withSequence(async (sequence) => {
    const target = pipelineTokens[i] as number;
    let tokens = 0;
    for (let attempt = 0; tokens < target; attempt++) {
      if (attempt > 0) await sequence.clearHistory();
      const grammarEvaluationState = new LlamaGrammarEvaluationState({ model: rawModel, grammar });
      const evaluation = sequence.evaluateWithMetadata(
        promptTokens[i] as Token[],
        { confidence: true },
        { temperature: 0.8, seed: i + attempt * 1000, grammarEvaluationState },
      );
      for await (const _ of evaluation) {
        if (++tokens >= target) break;
      }
    }
    return tokens;
  });
}

async function runPeer(peer: "pipeline" | "raw", concurrency: number): Promise<PeerRun> {
  const latencies: number[] = [];
  let tokens = 0;
  let suggestions = 0;
  let next = 0;
  let requestMs = 0;
  insideGeneratorMs = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++;
      const t0 = performance.now();
      if (peer === "pipeline") {
        const stats: PipelineStats = { rounds: 0, generated: 0, tokens: 0, dropped: {} };
        const response = await suggester.suggest(requests[i] as (typeof requests)[number], { stats, seed: i });
        pipelineTokens[i] = stats.tokens;
        tokens += stats.tokens;
        suggestions += response.suggestions.length;
      } else {
        const generated = await rawGenerate(i); // not `tokens += await …`: that reads `tokens` before the await
        tokens += generated;
      }
      latencies.push(performance.now() - t0);
      requestMs += performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  return { peer, concurrency, wallMs, insideMs: insideGeneratorMs, requestMs, tokens, suggestions, latencies };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const env = benchEnvironment();
console.log(
  `suggest pipeline vs raw node-llama-cpp — backend ${generator.backend}, threads 1, ${SEQUENCES} sequences, ` +
    `${REQUESTS} requests per cell, node ${env.node}, ${env.cores} cores, load ${env.loadAverage.join(" ")}`,
);
await runPeer("pipeline", 2); // warm-up: JIT, grammar and chat-template caches; records token counts
await runPeer("raw", 2);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const rows: PeerRun[] = [];
const pairedRatios = new Map<number, number[]>();
for (const concurrency of [1, 4, 16]) {
  // Interleave the peers and keep each one's median run: the machine is shared and its load drifts.
  const runs: Record<string, PeerRun[]> = { pipeline: [], raw: [] };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const peer of repeat % 2 ? (["raw", "pipeline"] as const) : (["pipeline", "raw"] as const)) {
      runs[peer]?.push(await runPeer(peer, concurrency));
    }
  }
  for (const peer of ["raw", "pipeline"]) {
    const sorted = [...(runs[peer] as PeerRun[])].sort((a, b) => a.tokens / a.wallMs - b.tokens / b.wallMs);
    const median = sorted[sorted.length >> 1] as PeerRun;
    rows.push(median);
    const { latencies, ...rest } = median;
    console.log(
      JSON.stringify({
        suite: "suggest",
        ...rest,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        environment: benchEnvironment(),
      }),
    );
  }
  // Each repeat ran the two peers back to back: their ratio cancels slow drift in machine load.
  const msPerToken = (r: PeerRun) => r.wallMs / r.tokens;
  const ratios = (runs.pipeline as PeerRun[])
    .map((p, k) => msPerToken(p) / msPerToken((runs.raw as PeerRun[])[k] as PeerRun))
    .sort((a, b) => a - b);
  pairedRatios.set(concurrency, ratios);
}
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(
  `\n${"peer".padEnd(10)}${pad("conc", 5)}${pad("tokens", 8)}${pad("sugg/s", 9)}${pad("tok/s", 9)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("vs raw", 9)}${pad("own", 7)}`,
);
for (const concurrency of [1, 4, 16]) {
  for (const r of rows.filter((x) => x.concurrency === concurrency)) {
    const perSecond = (n: number) => ((n / r.wallMs) * 1000).toFixed(1);
    const pipeline = r.peer === "pipeline";
    // Overhead vs raw: extra wall time per generated token. "own": request time spent outside the generator.
    const ratios = pairedRatios.get(concurrency) as number[];
    const vsRaw = pipeline ? `${(((ratios[ratios.length >> 1] as number) - 1) * 100).toFixed(1)}%` : "";
    const own = pipeline ? `${(((r.requestMs - r.insideMs) / r.requestMs) * 100).toFixed(1)}%` : "";
    console.log(
      `${r.peer.padEnd(10)}${pad(concurrency, 5)}${pad(r.tokens, 8)}${pad(pipeline ? perSecond(r.suggestions) : "-", 9)}${pad(perSecond(r.tokens), 9)}${pad(percentile(r.latencies, 50).toFixed(1), 9)}${pad(percentile(r.latencies, 95).toFixed(1), 9)}${pad(vsRaw, 9)}${pad(own, 7)}`,
    );
  }
}
for (const [concurrency, ratios] of pairedRatios) {
  console.log(`paired ratios at concurrency ${concurrency}: ${ratios.map((r) => r.toFixed(2)).join(" ")}`);
}
console.log(
  "vs raw = median over repeats of (pipeline ms per token ÷ raw ms per token of the run beside it) − 1\n" +
    "  (same prompts, grammar and seeds; paired runs cancel drift in machine load);\n" +
    "own = share of request time spent outside the generator (guard, prompt, validation, filters, ranking)",
);
await suggester.dispose();
await runtime.dispose();
await llama.dispose();
await tiny.dispose();
