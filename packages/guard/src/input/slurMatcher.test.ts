import { obfuscate } from "confusables";
import { describe, expect, it, vi } from "vitest";
import { applyEvasions, EVASION_KINDS } from "../applyEvasions.js";
import { obscenity } from "../obscenity.js";
import { readSafetyList } from "../testing/safetyLists.js";
import { SLUR_DATASET, SLUR_WORDS } from "./inputRules.generated.js";
import { leanObscenity, slurMatcher } from "./slurMatcher.js";

describe("slurMatcher", () => {
  it("loads obscenity's matcher and transformers without its index", () => {
    const lean = leanObscenity();
    expect(lean).toBeDefined();
    // The same classes as the package's: the modules are obscenity's own, not copies.
    expect(lean!.RegExpMatcher).toBe(obscenity().RegExpMatcher);
  });

  it("answers as obscenity's English preset does, on slurs disguised every way and on the fixtures", () => {
    const { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } = obscenity();
    const words = new Set(SLUR_WORDS);
    const preset = new RegExpMatcher({
      ...new DataSet<{ originalWord: string }>()
        .addAll(englishDataset)
        .removePhrasesIf((phrase) => !words.has(phrase.metadata?.originalWord ?? ""))
        .build(),
      ...englishRecommendedTransformers,
    });
    const lean = slurMatcher(SLUR_DATASET);
    let state = 7;
    const random = vi.spyOn(Math, "random").mockImplementation(() => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    });
    try {
      const fixtures = ["safety-labelled.json", "safety-heldout.json"].flatMap((name) => {
        const list = readSafetyList(name);
        return [...list.blocked.map((b) => b.text), ...list.nearMisses.map((n) => n.text)];
      });
      const slurs = SLUR_WORDS.flatMap((word) => [
        word,
        `${word}s`,
        `the ${word} shop`,
        `${word.toUpperCase()}!!`,
        `a${word}b`,
      ]);
      const texts = [...fixtures, ...slurs].flatMap((text, i) => [
        text,
        obfuscate(text),
        ...EVASION_KINDS.map((kind) => applyEvasions(text, { seed: i + 1, kinds: [kind], rate: 0.7 })),
        applyEvasions(text, { seed: -i }),
      ]);
      let matched = 0;
      for (const text of texts) {
        const expected = preset.hasMatch(text);
        expect(lean.hasMatch(text), text).toBe(expected);
        if (expected) matched++;
      }
      expect(texts.length).toBeGreaterThan(5000);
      expect(matched).toBeGreaterThan(300);
    } finally {
      random.mockRestore();
    }
  });
});
