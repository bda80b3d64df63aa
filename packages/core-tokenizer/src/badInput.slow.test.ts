import { beforeAll, describe, expect, it } from "vitest";
import { Tokenizer } from "./Tokenizer.js";
import { AWKWARD_UNITS, cpuTimed } from "./testing/awkwardUnits.js";
import { buildParityCorpus } from "./testing/parityCorpus.js";
import { loadQwen3Tokenizer } from "./testing/references.js";
import { vocabularyFromGgufMetadata } from "./vocab/fromGgufMetadata.js";
import { tokenizerGgufMetadata } from "./vocab/toGgufMetadata.js";

// Time bounds use CPU time (process.cpuUsage), not wall clock, so a loaded machine does not flake
// them; they are generous: they catch quadratic work, not slowdowns (those are for `pnpm bench`).
let tokenizer: Tokenizer;
beforeAll(() => {
  tokenizer = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(tokenizerGgufMetadata(loadQwen3Tokenizer())));
}, 120_000);

async function streamIds(chunks: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for await (const ids of tokenizer.encodeStream(chunks)) for (const id of ids) out.push(id);
  return out;
}

describe("large and adversarial input (slow)", () => {
  it("encodes a 10 MB string and decodes it back", () => {
    const strings = buildParityCorpus({ generated: 4000 }).strings;
    let text = "";
    while (text.length < 10_000_000) text += `${strings.join("\n")}\n`;
    const { value: ids, cpuMs } = cpuTimed(() => tokenizer.encode(text));
    console.log(`10 MB: ${ids.length} tokens in ${cpuMs.toFixed(0)} ms CPU`);
    expect(ids.length).toBeGreaterThan(1_000_000);
    expect(cpuMs).toBeLessThan(60_000);
    expect(tokenizer.decode(ids)).toBe(text);
  });

  it("runs in linear time on 100,000 repeated characters (no catastrophic backtracking)", () => {
    // Quadratic work on 100k characters would be ~10^10 steps (minutes of CPU).
    for (const unit of AWKWARD_UNITS) {
      const text = unit.repeat(Math.ceil(100_000 / unit.length));
      const { value: ids, cpuMs } = cpuTimed(() => tokenizer.encode(text));
      expect(cpuMs, `encoding 100k × ${JSON.stringify(unit)}`).toBeLessThan(5_000);
      expect(tokenizer.decode(ids)).toBe(text);
    }
  });

  it("4× the input takes less than 10× the CPU time (encode)", () => {
    tokenizer.encode("ef ".repeat(50_000)); // warm up the JIT so the small run is not the slow one
    const small = cpuTimed(() => tokenizer.encode("ab ".repeat(250_000))).cpuMs;
    const large = cpuTimed(() => tokenizer.encode("cd ".repeat(1_000_000))).cpuMs;
    console.log(`encode 750k: ${small.toFixed(0)} ms, 3M: ${large.toFixed(0)} ms CPU`);
    expect(large).toBeLessThan(Math.max(10 * small, 250));
  });

  it("4× the input takes less than 10× the CPU time (encodeStream, no newline, 100-unit chunks)", async () => {
    const chunksOf = (text: string): string[] =>
      Array.from({ length: Math.ceil(text.length / 100) }, (_, i) => text.slice(i * 100, i * 100 + 100));
    const words = buildParityCorpus({ generated: 2000 }).strings.join(" ").replace(/\n/g, " ");
    const text = (n: number): string => words.repeat(Math.ceil(n / words.length)).slice(0, n);
    await streamIds(chunksOf(text(50_000))); // warm-up
    const time = async (n: number): Promise<number> => {
      const chunks = chunksOf(text(n));
      const start = process.cpuUsage();
      const ids = await streamIds(chunks);
      const used = process.cpuUsage(start);
      expect(ids).toEqual(tokenizer.encode(chunks.join("")));
      return (used.user + used.system) / 1000;
    };
    const small = await time(200_000);
    const large = await time(800_000);
    console.log(`encodeStream 200 KB: ${small.toFixed(0)} ms, 800 KB: ${large.toFixed(0)} ms CPU`);
    expect(large).toBeLessThan(Math.max(10 * small, 250));
  });
});
