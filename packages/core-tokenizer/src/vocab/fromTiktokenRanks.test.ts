import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { encode as gptTokenizerEncode } from "gpt-tokenizer/encoding/cl100k_base";
import { get_encoding } from "tiktoken";
import { describe, expect, it } from "vitest";
import { InvalidVocabularyError } from "../errors.js";
import { Tokenizer } from "../Tokenizer.js";
import { buildParityCorpus, sampleCorpus } from "../testing/parityCorpus.js";
import { vocabularyFromTiktokenRanks } from "./fromTiktokenRanks.js";

const require = createRequire(import.meta.url);

describe("tiktoken ranks (cl100k_base)", () => {
  it("gives the same ids as tiktoken (wasm) and gpt-tokenizer", () => {
    const encoder = JSON.parse(readFileSync(require.resolve("tiktoken/encoders/cl100k_base.json"), "utf8"));
    const ours = Tokenizer.fromVocabulary(
      vocabularyFromTiktokenRanks(encoder.bpe_ranks, { specialTokens: encoder.special_tokens }),
    );
    const tiktoken = get_encoding("cl100k_base");
    try {
      const bad: string[] = [];
      for (const text of [...sampleCorpus(buildParityCorpus({ generated: 3000 }).strings, 1000), "x".repeat(500)]) {
        const ids = ours.encode(text);
        const reference = Array.from(tiktoken.encode(text, [], []));
        if (
          ids.join() !== reference.join() ||
          ids.join() !== gptTokenizerEncode(text, { disallowedSpecial: new Set() }).join()
        )
          bad.push(text);
        expect(ours.decode(ids)).toBe(text);
      }
      expect(bad).toEqual([]);
      expect(ours.encode("<|endoftext|>", { parseSpecial: true })).toEqual([100257]);
    } finally {
      tiktoken.free();
    }
  }, 60_000);

  it("reads the .tiktoken line format and rejects garbage", () => {
    const lines = Array.from({ length: 256 }, (_, b) => `${Buffer.from([b]).toString("base64")} ${b}`);
    lines.push(`${Buffer.from("ab").toString("base64")} 256`);
    const tokenizer = Tokenizer.fromVocabulary(vocabularyFromTiktokenRanks(lines.join("\n")));
    expect(tokenizer.encode("abab")).toEqual([256, 256]);
    expect(() => vocabularyFromTiktokenRanks("YQ== 0\n")).toThrow(InvalidVocabularyError);
  });
});
