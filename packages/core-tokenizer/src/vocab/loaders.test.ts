import { describe, expect, it } from "vitest";
import { InvalidVocabularyError, UnsupportedPreTokenizerError } from "../errors.js";
import { createPreTokenizer, preTokenizerFromRegex } from "../preTokenizers/createPreTokenizer.js";
import { Tokenizer } from "../Tokenizer.js";
import { trainBpe } from "../train/trainBpe.js";
import { vocabularyFromGgufMetadata } from "./fromGgufMetadata.js";
import { vocabularyFromTokenizerJson } from "./fromTokenizerJson.js";
import { tokenizerGgufMetadata } from "./toGgufMetadata.js";

const trained = Tokenizer.fromVocabulary(trainBpe(["hello hello world"], { merges: 8 }));

describe("vocabularyFromGgufMetadata", () => {
  it("reads typed and plain values alike", () => {
    const typed = tokenizerGgufMetadata(trained);
    const plain = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v.value]));
    expect(vocabularyFromGgufMetadata(plain)).toEqual(vocabularyFromGgufMetadata(typed));
    expect(typed["tokenizer.ggml.token_type"]).toMatchObject({ type: 9, itemType: 5 });
    expect(typed["tokenizer.ggml.eos_token_id"]).toEqual({ type: 4, value: trained.eosId });
  });

  it("lists every problem in one InvalidVocabularyError", () => {
    const error = (() => {
      try {
        vocabularyFromGgufMetadata({
          "tokenizer.ggml.model": "llama",
          "tokenizer.ggml.pre": "foo",
          "tokenizer.ggml.tokens": [1],
        });
      } catch (e) {
        return e as InvalidVocabularyError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidVocabularyError);
    expect(error?.problems.length).toBeGreaterThanOrEqual(4);
    expect(error?.message).toMatch(/expected "gpt2"/);
  });

  it("rejects merges that refer to missing tokens and ids out of range when building", () => {
    const metadata = { ...tokenizerGgufMetadata(trained), "tokenizer.ggml.merges": ["q z"] };
    expect(() => Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(metadata))).toThrow(/merge 0/);
    expect(() =>
      vocabularyFromGgufMetadata({ ...tokenizerGgufMetadata(trained), "tokenizer.ggml.eos_token_id": 1e9 }),
    ).toThrow(InvalidVocabularyError);
  });
});

describe("vocabularyFromTokenizerJson", () => {
  it("rejects non-BPE and non-byte-level models with every problem listed", () => {
    try {
      vocabularyFromTokenizerJson({ model: { type: "Unigram" }, normalizer: { type: "NFKC" } });
      expect.unreachable();
    } catch (error) {
      const problems = (error as InvalidVocabularyError).problems.join("\n");
      expect(problems).toMatch(/Unigram/);
      expect(problems).toMatch(/NFKC/);
      expect((error as Error).message).toMatch(/\(\+1 more\)/);
    }
    expect(() => vocabularyFromTokenizerJson(null)).toThrow(InvalidVocabularyError);
  });
});

describe("pre-tokenizers", () => {
  it("maps GGUF names and Hugging Face regexes to the same variants", () => {
    expect(createPreTokenizer("qwen2").name).toBe("qwen2");
    expect(createPreTokenizer("llama-bpe").pattern.source).toContain("\\p{N}{1,3}");
    expect(() => createPreTokenizer("foo")).toThrow(UnsupportedPreTokenizerError);
    const hfQwen =
      "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    expect(preTokenizerFromRegex(hfQwen).name).toBe("qwen2");
    expect(preTokenizerFromRegex("\\d+|\\D+").name).toBe("custom");
    expect(() => preTokenizerFromRegex("(?<=x")).toThrow(UnsupportedPreTokenizerError);
  });
});
