/**
 * Thread count vs throughput for llama.cpp contexts on this machine, the data behind `recommendThreads`,
 * plus our LocalGenerator against raw node-llama-cpp on the same model and grammar.
 * Run: pnpm --filter @nomen/metal-runtime bench
 */
import { BenchSuite } from "@nomen/bench";
import { getLlama, LlamaGrammarEvaluationState, LlamaLogLevel } from "node-llama-cpp";
import { buildSuggestionGbnf, loadRuntime, recommendThreads, resolveConstraints } from "../src/index.js";
import { writeTinyModel } from "../src/testing/index.js";

const TOKENS = 96;
const tiny = await writeTinyModel();
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: tiny.path });
const prompt = model.tokenize("<|im_start|>user\nA bakery in Lyon<|im_end|>\n<|im_start|>assistant\n", true);
const constraints = resolveConstraints({ count: 20, allowBlocked: false });
const grammar = await llama.createGrammar({ grammar: buildSuggestionGbnf(constraints) });
// More threads than free cores spin on barriers: on a loaded 2-core box, 2 threads ran ~1,000× slower,
// so those cases generate only a few tokens once (enough to show the cliff without a 10-minute bench).
const threadCounts = [...new Set([1, 2, llama.cpuMathCores])].sort((a, b) => a - b);
const tokensFor = (threads: number) => (threads === 1 ? TOKENS : 8);
console.log(
  `recommendThreads here: ${recommendThreads({ cores: llama.cpuMathCores })} (cpuMathCores ${llama.cpuMathCores})`,
);

const suite = new BenchSuite("metal-runtime threads");
for (const sequences of [1, 4]) {
  for (const threads of threadCounts) {
    const context = await model.createContext({ threads, sequences, contextSize: 1024 });
    const all = Array.from({ length: sequences }, () => context.getSequence());
    let seed = 0;
    const generate = async (sequence: (typeof all)[number]) => {
      await sequence.clearHistory();
      const grammarEvaluationState = new LlamaGrammarEvaluationState({ model, grammar });
      let n = 0;
      for await (const _ of sequence.evaluate(prompt, { temperature: 0.8, seed: seed++, grammarEvaluationState })) {
        if (++n >= tokensFor(threads)) break;
      }
      return n;
    };
    await suite.add({
      name: `threads ${threads}, sequences ${sequences}`,
      backend: "llama.cpp cpu",
      work: { amount: tokensFor(threads) * sequences, unit: "tok (max)" },
      warmup: threads === 1 ? 1 : 0,
      repeats: threads === 1 ? 5 : 1,
      fn: () => Promise.all(all.map(generate)),
    });
    await context.dispose();
  }
}
suite.table({ baseline: "threads 1, sequences 1" });

// Our generator vs the raw loop above, same threads (1), same grammar, one sequence.
const runtime = await loadRuntime({ gpu: false, threads: 1 });
const ours = await (await runtime.loadModel({ modelPath: tiny.path })).createGenerator({ sequences: 1 });
const rawContext = await model.createContext({ threads: 1, sequences: 1, contextSize: 1024 });
const rawSequence = rawContext.getSequence();
const versus = new BenchSuite("LocalGenerator vs raw node-llama-cpp");
let seedA = 0;
let seedB = 0;
await versus.add({
  name: "raw evaluateWithMetadata + grammar",
  backend: "llama.cpp cpu",
  work: { amount: 20 * TOKENS, unit: "tok (max)" },
  fn: async () => {
    for (let i = 0; i < 20; i++) {
      await rawSequence.clearHistory();
      const grammarEvaluationState = new LlamaGrammarEvaluationState({ model, grammar });
      let n = 0;
      const run = rawSequence.evaluateWithMetadata(
        prompt,
        { confidence: true },
        { temperature: 0.8, seed: seedA++, grammarEvaluationState },
      );
      for await (const _ of run) if (++n >= TOKENS) break;
    }
  },
});
await versus.add({
  name: "LocalGenerator.generateSuggestions",
  backend: "llama.cpp cpu",
  work: { amount: 20 * TOKENS, unit: "tok (max)" },
  fn: async () => {
    for (let i = 0; i < 20; i++) {
      await ours.generateSuggestions({
        prompt: "<|im_start|>user\nA bakery in Lyon<|im_end|>\n<|im_start|>assistant\n",
        count: 20,
        allowBlocked: false,
        maxTokens: TOKENS,
        seed: seedB++,
      });
    }
  },
});
versus.table({ baseline: "raw evaluateWithMetadata + grammar" });
await runtime.dispose();
await llama.dispose();
await tiny.dispose();
