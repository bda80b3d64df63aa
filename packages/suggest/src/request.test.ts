import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "./errors.js";
import { DEFAULT_SUGGEST_TLDS, MAX_DESCRIPTION_LENGTH, resolveRequest } from "./request.js";

describe("resolveRequest", () => {
  it("fills in defaults and normalizes", () => {
    const r = resolveRequest({
      business_description: "  A bakery\n\tin  Lyon ",
      tlds: [".COM", "fr", "com"],
      include: ["Sour Dough"],
      exclude: ["Cheap"],
    });
    expect(r).toEqual({
      description: "A bakery in Lyon",
      count: 5,
      tlds: ["com", "fr"],
      style: "any",
      maxLength: 63,
      include: ["sourdough"],
      exclude: ["cheap"],
      allowHyphens: false,
      allowDigits: false,
      language: "en",
      checkAvailability: false,
    });
    expect(resolveRequest({ business_description: "x" }).tlds).toEqual([...DEFAULT_SUGGEST_TLDS]);
  });

  it("accepts valid UTF-8 bytes", () => {
    expect(resolveRequest({ business_description: new TextEncoder().encode("Café à Paris") }).description).toBe(
      "Café à Paris",
    );
  });

  it.each([
    ["empty text", { business_description: "" }, /empty/],
    ["whitespace only", { business_description: " \n\t  " }, /empty/],
    [
      "a 100 KB description",
      { business_description: "bakery ".repeat(15_000) },
      new RegExp(`at most ${MAX_DESCRIPTION_LENGTH}`),
    ],
    ["a NUL byte", { business_description: "bakery\u0000 in Lyon" }, /control characters/],
    ["an escape sequence", { business_description: "bakery \u001b[31mred" }, /control characters/],
    ["a C1 control", { business_description: "bakery \u0085 Lyon" }, /control characters/],
    ["invalid UTF-8 bytes", { business_description: Uint8Array.from([0x62, 0xc3, 0x28, 0xff]) }, /UTF-8/],
    ["a lone surrogate", { business_description: "bakery \ud800 Lyon" }, /surrogate/],
    ["replacement characters", { business_description: "bakery \ufffd Lyon" }, /U\+FFFD/],
    ["a number", { business_description: 42 }, /business_description/],
    ["no description", {}, /business_description/],
    ["count 0", { business_description: "x", count: 0 }, /count/],
    ["count 21", { business_description: "x", count: 21 }, /count/],
    ["an unknown style", { business_description: "x", style: "edgy" }, /style/],
    ["max_length 64", { business_description: "x", max_length: 64 }, /max_length/],
    ["an include word with symbols", { business_description: "x", include: ["b@ke"] }, /include/],
    ["an include word with digits when digits are off", { business_description: "x", include: ["24h"] }, /include/],
    [
      "an include word longer than max_length",
      { business_description: "x", include: ["bakery"], max_length: 4 },
      /include/,
    ],
    ["a bad language tag", { business_description: "x", language: "English!" }, /language/],
  ])("rejects %s with InvalidRequestError", (_name, request, message) => {
    expect(() => resolveRequest(request)).toThrow(InvalidRequestError);
    expect(() => resolveRequest(request)).toThrow(message);
    // Every message says what was expected and how to fix it.
    expect(() => resolveRequest(request)).toThrow(/\(expected .+\)\. Hint: ./);
  });
});
