import { describe, expect, it } from "vitest";
import { AugmentationError, PipelineInputError } from "./errors.js";
import type { ChatRecord, ExampleMeta } from "./inventedWords.js";
import { buildTrainingMix } from "./trainingMix.js";

const business = (noun: string): [ChatRecord, ExampleMeta] => [
  {
    messages: [
      { role: "user", content: `A friendly ${noun} shop in town` },
      { role: "assistant", content: JSON.stringify({ suggestions: [`${noun}shop.com`, `the${noun}.io`] }) },
    ],
  },
  { category: "business", group: `${noun} shop` },
];
const nouns = ["pottery", "flower", "bicycle", "coffee", "bakery", "guitar", "camera", "garden"];
const rows = nouns.map(business);
const records = rows.map(([r]) => r);
const metas = rows.map(([, m]) => m);

describe("buildTrainingMix", () => {
  it("adds invented-word copies until the invented share is reached, deterministically", () => {
    const mix = buildTrainingMix({ records, metas, inventedShare: 0.5, seed: 4 });
    expect(mix.stats).toMatchObject({ source: 8, sourceInvented: 0, added: 8, invented: 8, total: 16, share: 0.5 });
    const text = JSON.stringify(mix.records);
    for (const noun of nouns) expect(text.split(noun).length - 1).toBe(3); // the original row only
    expect(JSON.stringify(buildTrainingMix({ records, metas, inventedShare: 0.5, seed: 4 }).records)).toBe(text);
    expect(JSON.stringify(buildTrainingMix({ records, metas, inventedShare: 0.5, seed: 5 }).records)).not.toBe(text);
  });

  it("counts the source's own nonce rows toward the share", () => {
    const withNonce = metas.map((m, i) => (i < 4 ? { ...m, category: "nonce" } : m));
    expect(buildTrainingMix({ records, metas: withNonce, inventedShare: 0.5 }).stats.added).toBe(0);
  });

  it("rejects misaligned metadata and a share it cannot reach", () => {
    expect(() => buildTrainingMix({ records, metas: metas.slice(1) })).toThrow(PipelineInputError);
    const unusable = metas.map((m) => ({ ...m, group: "zzzz" }));
    expect(() => buildTrainingMix({ records, metas: unusable, inventedShare: 0.5 })).toThrow(AugmentationError);
  });
});
