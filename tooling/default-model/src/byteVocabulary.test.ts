import { applyChatTemplate, tokenizerGgufMetadata } from "@nomen/core-tokenizer";
import { describe, expect, it } from "vitest";
import { byteLevelTokenizer } from "./byteVocabulary.js";

describe("byteLevelTokenizer", () => {
  it("has 256 byte tokens + the three ChatML specials and spells a word the same in prompt and answer", () => {
    const tokenizer = byteLevelTokenizer();
    expect(tokenizer.vocabulary.tokens).toHaveLength(259);
    expect(tokenizer.specialTokenId("<|im_end|>")).toBe(258);
    const word = tokenizer.encode("drendquoos");
    expect(word).toHaveLength(10);
    const { ids } = applyChatTemplate(tokenizer, [
      { role: "user", content: "drendquoos repair in Oslo" },
      { role: "assistant", content: '{"suggestions":["drendquoos.no"]}' },
    ]);
    const occurrences = ids.filter((_, i) => word.every((id, j) => ids[i + j] === id)).length;
    expect(occurrences).toBe(2);
  });

  it("exports GGUF tokenizer keys with the ChatML template and eos/pad ids", () => {
    const metadata = tokenizerGgufMetadata(byteLevelTokenizer());
    expect(metadata["tokenizer.ggml.eos_token_id"]?.value).toBe(258);
    expect(metadata["tokenizer.ggml.padding_token_id"]?.value).toBe(256);
    expect(String(metadata["tokenizer.chat_template"]?.value)).toContain("<|im_start|>");
  });

  it("learns merges on top of the bytes when asked", () => {
    const tokenizer = byteLevelTokenizer({ merges: 5, corpus: ["coffee coffee coffee shop shop"] });
    expect(tokenizer.vocabulary.merges).toHaveLength(5);
    expect(tokenizer.encode("coffee").length).toBeLessThan(6);
  });
});
