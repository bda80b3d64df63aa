import { INDUSTRIES, type Industry } from "./industries.js";
import { WordNet } from "./WordNet.js";
import { LEXICON_STOPLIST, WIDENING_RULES } from "./widening.js";
import { STOPWORDS } from "./words.js";

/** One kind of business the generator describes. */
export interface BusinessType {
  /** English noun phrase, e.g. "dog grooming salon". */
  name: string;
  industry: string;
  /** The content words, ASCII, in order ("dog", "grooming", "salon"): what domains should contain. */
  keywords: string[];
  source: "curated" | "wordnet";
}

/** Content words of a phrase, folded to ASCII a–z ("children's bookstore" → ["childrens", "bookstore"]). */
export function keywordsOf(phrase: string): string[] {
  return foldAscii(phrase)
    .toLowerCase()
    .replace(/'/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** Folds accents and ß so a foreign word can become a domain label ("panadería" → "panaderia"). */
export function foldAscii(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/ø/g, "o");
}

let cached: BusinessType[] | undefined;

/**
 * The full taxonomy: the curated business types of every industry, widened with WordNet hyponyms, deduplicated
 * by name, in a stable order (curated first, then rules in table order).
 */
export function buildTaxonomy(): BusinessType[] {
  if (cached) return cached;
  const byName = new Map<string, BusinessType>();
  const add = (name: string, industry: string, source: BusinessType["source"]) => {
    if (byName.has(name)) return;
    const keywords = keywordsOf(name);
    if (keywords.length === 0) return;
    byName.set(name, { name, industry, keywords, source });
  };
  for (const industry of INDUSTRIES) for (const type of industry.types) add(type, industry.id, "curated");
  const wordnet = WordNet.load();
  for (const rule of WIDENING_RULES) {
    const lemmas = [...new Set(wordnet.hyponymLemmas(rule.lemma, rule.depth, true))]
      .filter((l) => /^[a-z][a-z ]{2,17}$/.test(l) && l.split(" ").length <= 2 && !LEXICON_STOPLIST.has(l))
      .slice(0, rule.max);
    for (const lemma of lemmas) add(rule.template.replace("{}", lemma), rule.industry, "wordnet");
  }
  cached = [...byName.values()];
  return cached;
}

/** The industry record of an id. */
export function industryById(id: string): Industry {
  const industry = INDUSTRIES.find((i) => i.id === id);
  if (!industry) throw new RangeError(`industryById: unknown industry ${JSON.stringify(id)}`);
  return industry;
}
