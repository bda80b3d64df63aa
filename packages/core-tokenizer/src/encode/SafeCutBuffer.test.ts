import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SafeCutBuffer } from "./SafeCutBuffer.js";
import { lastSafeCut } from "./splitPieces.js";

/** The previous algorithm: rescan everything held for each chunk (quadratic, but obviously right). */
function rescanAll(chunks: readonly string[]): string[] {
  const released: string[] = [];
  let pending = "";
  for (const chunk of chunks) {
    pending += chunk;
    const cut = lastSafeCut(pending);
    if (cut > 0) {
      released.push(pending.slice(0, cut));
      pending = pending.slice(cut);
    }
  }
  return [...released, pending];
}

function release(chunks: readonly string[], cuts = true): { parts: string[]; scanned: number } {
  const buffer = new SafeCutBuffer(cuts);
  const parts: string[] = [];
  for (const chunk of chunks) {
    const ready = buffer.push(chunk);
    if (ready !== null) parts.push(ready);
  }
  parts.push(buffer.flush());
  return { parts, scanned: buffer.scanned };
}

describe("SafeCutBuffer", () => {
  it("releases text at the same points as rescanning everything held", () => {
    const text = fc.string({ unit: fc.constantFrom("\n", " ", "\t", "a", "日", "\r"), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (chunks) => {
        expect(release(chunks).parts).toEqual(rescanAll(chunks));
      }),
      { numRuns: 2000 },
    );
  });

  it("cuts after a newline followed by a non-space, also across chunk borders", () => {
    expect(release(["ab\n", "cd"]).parts).toEqual(["ab\n", "cd"]);
    expect(release(["ab\n", " cd\n\nef"]).parts).toEqual(["ab\n cd\n\n", "ef"]);
    expect(release(["ab\n", " cd"]).parts).toEqual(["ab\n cd"]);
    expect(release(["ab\ncd"], false).parts).toEqual(["ab\ncd"]);
    // A lone "\n" chunk is not a cut: the next "\n" joins it into one "\n\n" piece.
    expect(release(["\n", "\n", "x"]).parts).toEqual(["\n\n", "x"]);
  });

  it("scans each unit once: 200 KB without a newline in 100-byte chunks", () => {
    const chunks = Array.from({ length: 2000 }, (_, i) => "nomen ".repeat(17).slice(0, 100 - (i % 3)));
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const { parts, scanned } = release(chunks);
    expect(parts).toEqual([chunks.join("")]);
    // Rescanning the held text for each chunk would examine ~total × chunks / 2 ≈ 2 × 10^8 units.
    expect(scanned).toBeLessThanOrEqual(total + chunks.length);
  });
});
