import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeUtf8Into, utf8Length } from "./utf8.js";

const encoder = new TextEncoder();

describe("encodeUtf8Into", () => {
  it("matches TextEncoder on any UTF-16 string, lone surrogates included", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }),
        (text, surrogates) => {
          const input = text + surrogates + text;
          const out = new Uint8Array(input.length * 3);
          const n = encodeUtf8Into(input, out);
          expect(out.subarray(0, n)).toEqual(encoder.encode(input));
          expect(utf8Length(input)).toBe(n);
        },
      ),
    );
  });
});
