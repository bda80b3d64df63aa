import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BYTE_TO_UNICODE } from "../bytes/byteUnicode.js";
import { InvalidTrainingOptionsError } from "../errors.js";
import { createPreTokenizer } from "../preTokenizers/createPreTokenizer.js";
import { Tokenizer } from "../Tokenizer.js";
import { buildParityCorpus, sampleCorpus } from "../testing/parityCorpus.js";
import { loadLlamaCppVocab, writeVocabGguf } from "../testing/references.js";
import { vocabularyFromGgufMetadata } from "../vocab/fromGgufMetadata.js";
import { tokenizerGgufMetadata } from "../vocab/toGgufMetadata.js";
import { TokenType } from "../vocab/Vocabulary.js";
import { trainBpe } from "./trainBpe.js";

/** Textbook BPE training: recount every pair after every merge; ties go to the smaller (left, right) id pair. */
function naiveMerges(vocab: { tokens: readonly string[] }, texts: string[], count: number): string[] {
  const idOf = new Map(vocab.tokens.map((t, i) => [t, i]));
  const pattern = new RegExp(createPreTokenizer("qwen2").pattern.source, "gu");
  const words = texts
    .flatMap((t) => t.match(pattern) ?? [])
    .map((w) => Array.from(new TextEncoder().encode(w), (b) => BYTE_TO_UNICODE[b] as string));
  const merges: string[] = [];
  while (merges.length < count) {
    const counts = new Map<string, number>();
    for (const word of words)
      for (let i = 0; i + 1 < word.length; i++)
        counts.set(`${word[i]} ${word[i + 1]}`, (counts.get(`${word[i]} ${word[i + 1]}`) ?? 0) + 1);
    let best: string | undefined;
    for (const [pair, n] of counts) {
      const [l, r] = pair.split(" ").map((t) => idOf.get(t) as number) as [number, number];
      const [bl, br] = (best?.split(" ").map((t) => idOf.get(t) as number) ?? [0, 0]) as [number, number];
      const bestCount = best === undefined ? 0 : (counts.get(best) as number);
      if (n > bestCount || (n === bestCount && (l < bl || (l === bl && r < br)))) best = pair;
    }
    if (best === undefined) break;
    merges.push(best);
    const [left, right] = best.split(" ") as [string, string];
    for (const word of words) {
      for (let i = 0; i + 1 < word.length; i++)
        if (word[i] === left && word[i + 1] === right) word.splice(i, 2, left + right);
    }
  }
  return merges;
}

const corpus = buildParityCorpus({ generated: 6000, seed: 3 }).strings;
let tokenizer: Tokenizer;
let llama: Awaited<ReturnType<typeof loadLlamaCppVocab>>;

beforeAll(async () => {
  tokenizer = Tokenizer.fromVocabulary(trainBpe(corpus, { merges: 500 }));
  llama = await loadLlamaCppVocab(await writeVocabGguf(tokenizer));
}, 60_000);
afterAll(async () => {
  await llama?.dispose();
});

describe("trainBpe", () => {
  it("learns the requested merges plus 256 bytes and the special tokens, deterministically", () => {
    const vocab = tokenizer.vocabulary;
    expect(vocab.merges.length).toBe(500);
    expect(vocab.tokens.slice(-3)).toEqual(["<|endoftext|>", "<|im_start|>", "<|im_end|>"]);
    expect(vocab.tokenTypes.slice(-3)).toEqual([TokenType.Control, TokenType.Control, TokenType.Control]);
    expect(vocab.eosId).toBe(vocab.tokens.length - 1);
    expect(trainBpe(corpus, { merges: 500 }).merges).toEqual(vocab.merges);
  });

  it("compresses: the trained vocabulary uses far fewer tokens than bytes", () => {
    const text = corpus.slice(0, 500).join("\n");
    expect(tokenizer.count(text)).toBeLessThan(0.6 * new TextEncoder().encode(text).length);
  });

  it("goes into a GGUF that llama.cpp tokenizes exactly like us", () => {
    const bad = sampleCorpus(corpus, 800).filter(
      (text) => tokenizer.encode(text).join() !== llama.tokenize(text, false).join(),
    );
    expect(bad).toEqual([]);
    for (const text of sampleCorpus(corpus, 200)) expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
  });

  it.each(["llama-bpe", "gpt-2"])(
    "matches llama.cpp with the %s pre-tokenizer too",
    async (pre) => {
      const trained = Tokenizer.fromVocabulary(trainBpe(corpus, { merges: 300, pre }));
      const path = await writeVocabGguf(trained);
      const reference = await loadLlamaCppVocab(path);
      try {
        // Read back from the GGUF metadata: llama.cpp applies ignore_merges for llama-bpe, and so do we.
        const ours = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(tokenizerGgufMetadata(trained)));
        const bad = sampleCorpus(corpus, 600).filter(
          (text) => ours.encode(text).join() !== reference.tokenize(text, false).join(),
        );
        expect(bad).toEqual([]);
      } finally {
        await reference.dispose();
      }
    },
    60_000,
  );

  it("learns the same merges as a naive recount-everything trainer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[ab c\n]{0,12}$/), { minLength: 1, maxLength: 12 }),
        fc.nat(30),
        (texts, merges) => {
          const fast = trainBpe(texts, { merges, specialTokens: [], minFrequency: 1 });
          expect(fast.merges).toEqual(naiveMerges(fast, texts, merges));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("stops early when no pair is frequent enough", () => {
    const vocab = trainBpe(["ab ab ab", "cd"], { merges: 50, specialTokens: [] });
    expect(vocab.merges).toEqual(["a b", "Ġ ab"]);
    expect(vocab.eosId).toBeNull();
  });

  it("validates options and honours an AbortSignal", () => {
    expect(() => trainBpe(corpus, { merges: -1 })).toThrow(InvalidTrainingOptionsError);
    expect(() => trainBpe(corpus, { merges: 5, specialTokens: ["<a>", "<a>"] })).toThrow(InvalidTrainingOptionsError);
    expect(() => trainBpe(corpus, { merges: 5, eosToken: "<nope>" })).toThrow(InvalidTrainingOptionsError);
    expect(() => trainBpe(corpus, { merges: 5, signal: AbortSignal.abort() })).toThrow(/abort/i);
  });
});
