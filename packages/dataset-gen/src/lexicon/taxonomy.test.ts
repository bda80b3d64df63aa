import { describe, expect, it } from "vitest";
import { INDUSTRIES } from "./industries.js";
import { loadLexicon } from "./Lexicon.js";
import { onsetOf, rhymeOf } from "./Phonetics.js";
import { buildTaxonomy, keywordsOf } from "./taxonomy.js";
import { TRANSLATIONS } from "./translations.js";

describe("taxonomy", () => {
  const types = buildTaxonomy();

  it("has at least 40 industries and 600 distinct business types, widened from WordNet", () => {
    expect(INDUSTRIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(types.map((t) => t.name)).size).toBe(types.length);
    expect(types.length).toBeGreaterThanOrEqual(600);
    const fromWordNet = types.filter((t) => t.source === "wordnet").map((t) => t.name);
    expect(fromWordNet.length).toBeGreaterThan(300);
    expect(fromWordNet).toContain("barbershop");
  });

  it("gives every type ASCII keywords and every industry a known id", () => {
    const ids = new Set(INDUSTRIES.map((i) => i.id));
    for (const t of types) {
      expect(t.keywords.length).toBeGreaterThan(0);
      for (const k of t.keywords) expect(k).toMatch(/^[a-z0-9]+$/);
      expect(ids.has(t.industry)).toBe(true);
    }
    expect(keywordsOf("children's bookstore")).toEqual(["childrens", "bookstore"]);
    expect(keywordsOf("panadería artesanal")).toEqual(["panaderia", "artesanal"]);
  });

  it("translates only business types the taxonomy has", () => {
    const names = new Set(types.map((t) => t.name));
    for (const key of TRANSLATIONS.keys()) expect(names.has(key), key).toBe(true);
  });
});

describe("phonetics (CMU pronouncing dictionary)", () => {
  it("finds rhymes and alliterations by sound, not spelling", () => {
    expect(rhymeOf("groom")).toBe(rhymeOf("bloom"));
    expect(onsetOf("photo")).toBe(onsetOf("fox"));
    const { phonetics } = loadLexicon();
    expect(phonetics.rhymes("groom")).toContain("bloom");
    for (const w of phonetics.alliterations("coffee")) expect(onsetOf(w)).toBe("K");
  });

  it("collects metaphor words from WordNet for every industry", () => {
    const { metaphors } = loadLexicon();
    for (const industry of INDUSTRIES) expect(metaphors.get(industry.id)?.length ?? 0).toBeGreaterThan(0);
    expect(metaphors.get("energy")).toContain("breeze");
  });
});
