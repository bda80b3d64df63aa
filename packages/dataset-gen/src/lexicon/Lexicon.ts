import { dictionary } from "cmu-pronouncing-dictionary";
import { INDUSTRIES } from "./industries.js";
import { PARTNER_NOUNS } from "./morphemes.js";
import { Phonetics } from "./Phonetics.js";
import { type BusinessType, buildTaxonomy } from "./taxonomy.js";
import { WordNet } from "./WordNet.js";
import { LEXICON_STOPLIST } from "./widening.js";
import { QUALITIES } from "./words.js";

/** Everything the describer and the teacher draw words from, loaded once (WordNet + CMU: about 1 s). */
export interface Lexicon {
  types: readonly BusinessType[];
  typesByIndustry: ReadonlyMap<string, readonly BusinessType[]>;
  /** Metaphor words per industry: WordNet hyponyms and synonyms of the industry's metaphor seeds. */
  metaphors: ReadonlyMap<string, readonly string[]>;
  phonetics: Phonetics;
}

let shared: Lexicon | undefined;

/** The shared lexicon (built on first use; deterministic). */
export function loadLexicon(): Lexicon {
  if (shared) return shared;
  const types = buildTaxonomy();
  const typesByIndustry = new Map<string, BusinessType[]>();
  for (const type of types) {
    const list = typesByIndustry.get(type.industry) ?? [];
    list.push(type);
    typesByIndustry.set(type.industry, list);
  }
  const wordnet = WordNet.load();
  const metaphors = new Map<string, string[]>();
  for (const industry of INDUSTRIES) {
    const words = new Set<string>();
    for (const seed of industry.metaphorFrom) {
      words.add(seed);
      for (const w of [...wordnet.synonyms(seed), ...wordnet.hyponymLemmas(seed, 1, true)]) {
        // Common words only: the CMU dictionary lists what people say, WordNet also lists rare technical terms.
        if (/^[a-z]{3,7}$/.test(w) && dictionary[w] !== undefined && !LEXICON_STOPLIST.has(w)) words.add(w);
      }
    }
    metaphors.set(industry.id, [...words].slice(0, 24));
  }
  const keywordPool = types
    .filter((t) => t.source === "curated")
    .flatMap((t) => t.keywords)
    .filter((w) => /^[a-z]{3,7}$/.test(w) && dictionary[w] !== undefined && !LEXICON_STOPLIST.has(w));
  const pool = [...PARTNER_NOUNS, ...QUALITIES.filter((q) => /^[a-z]+$/.test(q)), ...keywordPool];
  shared = { types, typesByIndustry, metaphors, phonetics: new Phonetics(pool) };
  return shared;
}
