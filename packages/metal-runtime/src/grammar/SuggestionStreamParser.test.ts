import { describe, expect, it } from "vitest";
import { SuggestionStreamParser } from "./SuggestionStreamParser.js";

function feed(text: string, chunkSize: number) {
  const parser = new SuggestionStreamParser();
  const seen: { value: string; atLength: number }[] = [];
  for (let i = 0; i < text.length; i += chunkSize) {
    for (const item of parser.push(text.slice(i, i + chunkSize)))
      seen.push({ value: item.value, atLength: parser.text.length });
  }
  return { parser, seen };
}

describe("SuggestionStreamParser", () => {
  const text = '{"suggestions":["a.com","bee-hive.io","c.co.uk"]}';

  it.each([1, 2, 3, 7, 100])("finds every item with chunks of %i characters", (size) => {
    const { parser, seen } = feed(text, size);
    expect(seen.map((s) => s.value)).toEqual(["a.com", "bee-hive.io", "c.co.uk"]);
    expect(parser.closed).toBe(true);
  });

  it("reports an item as soon as its closing quote arrives, not at the end", () => {
    const { seen } = feed(text, 1);
    expect(seen[0]?.atLength).toBe(text.indexOf("a.com") + "a.com".length + 1);
  });

  it("gives spans that point at the item's characters", () => {
    const parser = new SuggestionStreamParser();
    const [item] = parser.push('{"suggestions":["abc.io"');
    expect(parser.text.slice(item?.start, item?.end)).toBe("abc.io");
  });

  it("tolerates whitespace from servers without our grammar", () => {
    const { seen } = feed('{ "suggestions" : [ "a.com" ,\n "b.io" ] }', 4);
    expect(seen.map((s) => s.value)).toEqual(["a.com", "b.io"]);
  });

  it("never reports a string cut off by maxTokens", () => {
    const { parser, seen } = feed('{"suggestions":["a.com","bak', 3);
    expect(seen.map((s) => s.value)).toEqual(["a.com"]);
    expect(parser.closed).toBe(false);
    expect(parser.status()).toBeUndefined();
  });

  it("reads the blocked status", () => {
    const { parser, seen } = feed('{"suggestions":[],"status":"blocked"}', 5);
    expect(seen).toEqual([]);
    expect(parser.status()).toBe("blocked");
  });

  it("ignores items of other keys", () => {
    const { seen } = feed('{"note":"x.com","suggestions":["y.com"]}', 2);
    expect(seen.map((s) => s.value)).toEqual(["y.com"]);
  });
});
