import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BYTE_ORDER, BYTE_TO_UNICODE, bytesToUnicode, unicodeToBytes } from "./byteUnicode.js";

describe("byte ↔ unicode map", () => {
  it("gives 256 distinct single characters, GPT-2's printable ones for printable bytes", () => {
    expect(new Set(BYTE_TO_UNICODE).size).toBe(256);
    expect(BYTE_TO_UNICODE[0x20]).toBe("Ġ");
    expect(BYTE_TO_UNICODE[0x0a]).toBe("Ċ");
    expect(BYTE_TO_UNICODE[0x41]).toBe("A");
    expect(new Set(BYTE_ORDER).size).toBe(256);
    expect(BYTE_ORDER[0]).toBe(0x21);
  });

  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(unicodeToBytes(bytesToUnicode(bytes))).toEqual(bytes);
      }),
    );
  });

  it("returns null for characters that are not mapped bytes", () => {
    expect(unicodeToBytes("日")).toBeNull();
    expect(unicodeToBytes(" ")).toBeNull();
  });
});
