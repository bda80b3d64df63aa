import { createHash } from "node:crypto";
import { encodeGguf, findModelProblems, type GgufMetadata, parseGguf } from "@nomen/gguf";
import { describe, expect, it } from "vitest";
import { UnsupportedGgufExportError } from "../errors.js";
import { Tokenizer } from "../Tokenizer.js";
import { writeVocabGguf } from "../testing/references.js";
import { trainBpe } from "../train/trainBpe.js";
import { vocabularyFromGgufMetadata } from "./fromGgufMetadata.js";
import { loadGgufTokenizer } from "./loadGgufTokenizer.js";
import { tokenizerGgufMetadata } from "./toGgufMetadata.js";

const tokenizer = Tokenizer.fromVocabulary(
  trainBpe(["nomen names bakeries", "names of bakeries in Lyon"], { merges: 30 }),
);

describe("tokenizerGgufMetadata with @nomen/gguf", () => {
  it("passes @nomen/gguf's llama.cpp validation for a vocab-only file", () => {
    const metadata: GgufMetadata = {
      "general.architecture": { type: 8, value: "qwen2" },
      ...tokenizerGgufMetadata(tokenizer),
    };
    expect(findModelProblems(metadata, { kind: "vocab" }).map((p) => p.message)).toEqual([]);
  });

  it("writes the same bytes as before it used @nomen/gguf's value helpers", () => {
    // sha256 of this file when the metadata was built from hand-written { type, value } literals.
    const trained = Tokenizer.fromVocabulary(
      trainBpe(["nomen names bakeries", "names of bakeries in Lyon"], {
        merges: 30,
        specialTokens: ["<|im_start|>"],
        eosToken: "<|im_start|>",
      }),
    );
    const bytes = encodeGguf(
      {
        metadata: { "general.architecture": { type: 8, value: "qwen2" }, ...tokenizerGgufMetadata(trained) },
        tensors: [],
      },
      { kind: "vocab" },
    );
    expect(bytes.length).toBe(4224);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(
      "d2400c05e4691d702356df85741c61f0ad57ca2bca5a62b27598d4d8e44ed263",
    );
  });

  it("survives a write → parse round trip and gives the same ids", () => {
    const bytes = encodeGguf(
      {
        metadata: { "general.architecture": { type: 8, value: "qwen2" }, ...tokenizerGgufMetadata(tokenizer) },
        tensors: [],
      },
      { kind: "vocab" },
    );
    const file = parseGguf(bytes);
    const again = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(file.metadata));
    expect(again.vocabulary.tokens).toEqual(tokenizer.vocabulary.tokens);
    expect(again.vocabulary.chatTemplate).toBe(tokenizer.vocabulary.chatTemplate);
    expect(again.encode("nomen names bakeries in Lyon")).toEqual(tokenizer.encode("nomen names bakeries in Lyon"));
  });

  it("loads back from a file with loadGgufTokenizer", async () => {
    const path = await writeVocabGguf(tokenizer);
    const loaded = await loadGgufTokenizer(path);
    expect(loaded.encode("names of bakeries")).toEqual(tokenizer.encode("names of bakeries"));
    await expect(loadGgufTokenizer(`${path}.missing`)).rejects.toThrow(/ENOENT/);
  });

  it("refuses rank-based (tiktoken) vocabularies and custom regexes llama.cpp cannot load", () => {
    const custom = Tokenizer.fromVocabulary({ ...tokenizer.vocabulary, pre: "\\d+|\\D+" });
    expect(() => tokenizerGgufMetadata(custom)).toThrow(UnsupportedGgufExportError);
    const ranks = Tokenizer.fromVocabulary({ ...tokenizer.vocabulary, model: "ranks", merges: [] });
    expect(() => tokenizerGgufMetadata(ranks)).toThrow(/rank-based/);
  });
});
