import { beforeAll, describe, expect, it } from "vitest";
import { InvalidTextError, InvalidUtf8Error, UnknownTokenIdError } from "./errors.js";
import { Tokenizer } from "./Tokenizer.js";
import { AWKWARD_UNITS } from "./testing/awkwardUnits.js";
import { buildParityCorpus } from "./testing/parityCorpus.js";
import { loadQwen3Tokenizer } from "./testing/references.js";
import { vocabularyFromGgufMetadata } from "./vocab/fromGgufMetadata.js";
import { tokenizerGgufMetadata } from "./vocab/toGgufMetadata.js";

let tokenizer: Tokenizer;
beforeAll(() => {
  tokenizer = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(tokenizerGgufMetadata(loadQwen3Tokenizer())));
}, 60_000);

describe("bad input", () => {
  it("encodes lone surrogates as U+FFFD (as TextEncoder and llama.cpp do)", () => {
    expect(tokenizer.encode("a\ud800b")).toEqual(tokenizer.encode("a\ufffdb"));
    expect(tokenizer.decode(tokenizer.encode("\udfff\ud83d"))).toBe("\ufffd\ufffd");
  });

  it("decodes invalid UTF-8 with U+FFFD, or throws InvalidUtf8Error when fatal", () => {
    const byteToken = (byte: number): number => {
      for (let id = 0; id < 512; id++) {
        const bytes = tokenizer.tokenBytes(id);
        if (bytes.length === 1 && bytes[0] === byte) return id;
      }
      throw new Error(`no token for byte ${byte}`);
    };
    // 0x80 alone is a stray continuation byte; 0xC3 at the end is a truncated two-byte sequence.
    const invalid = [byteToken(0x80), byteToken(0x41), byteToken(0xc3)];
    expect(tokenizer.decode(invalid)).toBe("\ufffdA\ufffd");
    expect(() => tokenizer.decode(invalid, { fatal: true })).toThrow(InvalidUtf8Error);
    const decoder = tokenizer.createDecoder({ fatal: true });
    expect(decoder.push(byteToken(0xc3))).toBe("");
    expect(() => decoder.flush()).toThrow(InvalidUtf8Error);
  });

  it("rejects unknown token ids with UnknownTokenIdError", () => {
    for (const id of [-1, tokenizer.size, 1e12, 1.5, Number.NaN]) {
      expect(() => tokenizer.decode([id])).toThrow(UnknownTokenIdError);
      expect(() => tokenizer.createDecoder().push(id)).toThrow(UnknownTokenIdError);
    }
  });

  it("rejects non-string text with InvalidTextError", () => {
    expect(() => tokenizer.encode(undefined as unknown as string)).toThrow(InvalidTextError);
    expect(() => tokenizer.count(42 as unknown as string)).toThrow(InvalidTextError);
  });

  it("encodes a 1 MB string and decodes it back", () => {
    const strings = buildParityCorpus({ generated: 2000 }).strings;
    let text = "";
    while (text.length < 1_000_000) text += `${strings.join("\n")}\n`;
    const ids = tokenizer.encode(text);
    expect(ids.length).toBeGreaterThan(100_000);
    expect(tokenizer.decode(ids)).toBe(text);
  });

  it("round-trips 20,000 repeated characters of each awkward kind", () => {
    // The time bounds (CPU time, 100,000 characters, 4× input) are in badInput.slow.test.ts.
    for (const unit of AWKWARD_UNITS) {
      const text = unit.repeat(Math.ceil(20_000 / unit.length));
      expect(tokenizer.decode(tokenizer.encode(text)), `20k × ${JSON.stringify(unit)}`).toBe(text);
    }
  });
});
