import { describe, expect, it } from "vitest";
import { EvaluationAbortedError } from "../../errors.js";
import { WordNet } from "../../lexicon/WordNet.js";
import type { Progress } from "../../steps.js";
import { RelevanceModel, tldClass } from "./RelevanceModel.js";

const wordnet = WordNet.load();
const themes = [
  ["bakery bread pastry shop", "bread", "2015-2018"],
  ["payments invoices banking", "pay", "2019-2021"],
  ["robots warehouse automation", "robo", "2015-2018"],
  ["doctors clinic patients health", "med", "2022-2023"],
] as const;
const examples = Array.from({ length: 80 }, (_, i) => {
  const [text, stem, era] = themes[i % themes.length] as (typeof themes)[number];
  const suffix = ["hub", "base", "nest", "line", "wave", "core", "spot", "lab", "box", "kit"][Math.floor(i / 4) % 10];
  return {
    description: `${text} number ${i}`,
    domain: `${stem}${suffix}.${["com", "io", "co"][i % 3]}`,
    sector: stem,
    era,
  };
});
const probes = [
  ["fresh bread for cafes", "breadplus.com"],
  ["fresh bread for cafes", "medplus.com"],
  ["clinic software for patients", "medwave.io"],
  ["invoices for freelancers", "paykit.co"],
  ["warehouse robots", "robonest.ai"],
] as const;

describe("RelevanceModel save and load", () => {
  it("a model restored from JSON scores identically to the trained one", () => {
    const trained = RelevanceModel.train({ wordnet, examples, seed: 3 });
    const restored = RelevanceModel.fromJSON(JSON.parse(JSON.stringify(trained.toJSON())), wordnet);
    for (const [description, domain] of probes) {
      expect(restored.features(description, domain)).toEqual(trained.features(description, domain));
      expect(restored.score(description, domain)).toBe(trained.score(description, domain));
    }
    expect(restored.toJSON().learned?.sectors).toBeDefined();
    expect(restored.toJSON().learned?.latent?.coarse).toBeDefined();
  }, 60_000);

  it("an untrained model round-trips too, and another format is refused", () => {
    const untrained = RelevanceModel.untrained(wordnet);
    const restored = RelevanceModel.fromJSON(untrained.toJSON(), wordnet);
    expect(restored.score("fresh bread", "breadplus.com")).toBe(untrained.score("fresh bread", "breadplus.com"));
    expect(() => RelevanceModel.fromJSON({ ...untrained.toJSON(), format: 0 }, wordnet)).toThrow(/format 0/);
  });
});

describe("RelevanceModel.trainAsync", () => {
  it("reports progress and trains the same model as train()", async () => {
    const events: Progress[] = [];
    const model = await RelevanceModel.trainAsync({ wordnet, examples, seed: 3, onProgress: (p) => events.push(p) });
    const sync = RelevanceModel.train({ wordnet, examples, seed: 3 });
    expect(events.length).toBeGreaterThan(5);
    for (const [description, domain] of probes)
      expect(model.score(description, domain)).toBe(sync.score(description, domain));
  }, 60_000);

  it("rejects with EvaluationAbortedError when aborted after the first progress event", async () => {
    const controller = new AbortController();
    const events: Progress[] = [];
    const training = RelevanceModel.trainAsync({
      wordnet,
      examples,
      signal: controller.signal,
      onProgress: (p) => {
        events.push(p);
        if (events.length === 1) controller.abort();
      },
    });
    await expect(training).rejects.toThrow(EvaluationAbortedError);
    expect(events).toHaveLength(1);
  });
});

describe("tldClass", () => {
  it("names common TLDs, groups country codes by the region a description would name, and pools the rest", () => {
    expect(tldClass("stripe.com")).toBe("com");
    expect(tldClass("mosaic.so")).toBe("so");
    expect(["kapital.mx", "verde.agr.br", "mono.la", "ruuf.cl"].map(tldClass)).toEqual([
      "latam",
      "latam",
      "latam",
      "latam",
    ]);
    expect(["shelfpay.in", "moni.africa", "finku.id", "tabula.de"].map(tldClass)).toEqual([
      "india",
      "africa",
      "sea",
      "europe",
    ]);
    expect(tldClass("atlas.kitchen")).toBe("other");
  });
});
