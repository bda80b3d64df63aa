import { applyChatTemplate, Tokenizer, vocabularyFromGgufMetadata } from "@nomen/core-tokenizer";
import { byteLevelVocabMetadata } from "@nomen/gguf";
import { describe, expect, it } from "vitest";
import { EmptyDatasetError, InvalidInputError } from "../errors.js";
import type { ChatExample } from "./parseExamples.js";
import { tokenizeExamples } from "./tokenizeExamples.js";

const tokenizer = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(byteLevelVocabMetadata()));
const example = (user: string, answer: string, line = 1): ChatExample => ({
  messages: [
    { role: "user", content: user },
    { role: "assistant", content: answer },
  ],
  file: "train.jsonl",
  line,
});

describe("tokenizeExamples", () => {
  it("masks only the assistant's answer and its <|im_end|>", () => {
    const { examples, report } = tokenizeExamples([example("Bakery in Lyon", "painlyon.fr")], {
      tokenizer,
      maxLength: 256,
    });
    const [first] = examples;
    const targets = [...first!.ids].filter((_, i) => first!.lossMask[i] === 1);
    expect(tokenizer.decode(targets)).toBe("painlyon.fr<|im_end|>");
    expect(targets.at(-1)).toBe(tokenizer.specialTokenId("<|im_end|>"));
    expect(targets).toHaveLength("painlyon.fr".length + 1); // byte-level vocab: one token per byte, plus <|im_end|>
    expect(report).toMatchObject({ examples: 1, kept: 1, truncated: 0, skipped: 0, targetTokens: targets.length });
    expect(report.tokens).toBe(first!.ids.length);
  });

  it("masks every assistant turn of a multi-turn chat, and no system or user token", () => {
    const { examples } = tokenizeExamples(
      [
        {
          messages: [
            { role: "system", content: "Suggest domains." },
            { role: "user", content: "Bakery" },
            { role: "assistant", content: "pain.fr" },
            { role: "user", content: "Shorter" },
            { role: "assistant", content: "pa.in" },
          ],
          file: "chat.jsonl",
          line: 4,
        },
      ],
      { tokenizer, maxLength: 256 },
    );
    const { ids, lossMask } = examples[0]!;
    const spans: string[] = [];
    let current: number[] = [];
    ids.forEach((id, i) => {
      if (lossMask[i] === 1) current.push(id);
      else if (current.length > 0) {
        spans.push(tokenizer.decode(current));
        current = [];
      }
    });
    if (current.length > 0) spans.push(tokenizer.decode(current));
    expect(spans).toEqual(["pain.fr<|im_end|>", "pa.in<|im_end|>"]);
  });

  it("trains on every token but the first with includePrompt", () => {
    const { examples } = tokenizeExamples([example("Bakery", "pain.fr")], {
      tokenizer,
      maxLength: 256,
      includePrompt: true,
    });
    const mask = [...examples[0]!.lossMask];
    expect(mask[0]).toBe(0);
    expect(mask.slice(1).every((m) => m === 1)).toBe(true);
  });

  it("truncates or skips over-long examples and counts them", () => {
    const data = [
      example("short", "a.io", 1),
      example("x".repeat(100), "long.com", 2),
      example("y".repeat(20), "z".repeat(60), 3),
    ];
    const fullLength = applyChatTemplate(tokenizer, data[2]!.messages).ids.length;
    const truncated = tokenizeExamples(data, { tokenizer, maxLength: 50 });
    // Line 2's answer lies wholly past token 50, so it has no target left and is skipped; line 3 keeps part of its answer.
    expect(truncated.report).toMatchObject({ examples: 3, kept: 2, truncated: 1, skipped: 1, longest: 50 });
    expect(truncated.report.overflowed).toEqual([
      expect.stringMatching(/^train.jsonl:2 /),
      `train.jsonl:3 (${fullLength} tokens)`,
    ]);
    expect(truncated.examples[1]!.ids).toHaveLength(50);
    expect(truncated.examples[1]!.lossMask).toHaveLength(50);
    const skipped = tokenizeExamples(data, { tokenizer, maxLength: 50, overflow: "skip" });
    expect(skipped.report).toMatchObject({ kept: 1, truncated: 0, skipped: 2 });
  });

  it("throws EmptyDatasetError when nothing is left, and rejects a bad maxLength", () => {
    expect(() =>
      tokenizeExamples([example("x".repeat(80), "y.com")], { tokenizer, maxLength: 20, overflow: "skip" }),
    ).toThrow(EmptyDatasetError);
    expect(() => tokenizeExamples([], { tokenizer, maxLength: 20 })).toThrow(EmptyDatasetError);
    expect(() => tokenizeExamples([example("a", "b")], { tokenizer, maxLength: 1 })).toThrow(InvalidInputError);
  });
});
