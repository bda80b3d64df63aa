import { hypernymClosure } from "../../lexicon/hypernymClosure.js";
import { relatedStems } from "../../lexicon/relatedStems.js";
import type { WordNet } from "../../lexicon/WordNet.js";
import type { AnalyzedDescription, AnalyzedDomain } from "./DomainAnalyzer.js";

/** Names of the untrained features, in the order {@link LexicalFeatures.compute} returns them. */
export const LEXICAL_FEATURE_NAMES = [
  "charTrigramOverlap",
  "stemPrefixInLabel",
  "wordnetRelation",
  "wordnetBagCosine",
  "hypernymLink",
  "shortPrefix",
] as const;

/**
 * Measurable, untrained relevance features between a description and a domain:
 * character-trigram overlap, the longest description-word prefix found inside the label,
 * WordNet relations (synonym, hypernym, derivation …) between words and morphemes,
 * and the cosine of their WordNet-expanded stem bags.
 */
export class LexicalFeatures {
  readonly #closures = new Map<string, Map<string, number>>();
  readonly #trigrams = new Map<string, Set<string>>();

  constructor(readonly wordnet: WordNet) {}

  compute(description: AnalyzedDescription, domain: AnalyzedDomain): number[] {
    const descTrigrams = this.#trigramsOf(description.text.toLowerCase().replace(/[^a-z0-9]/g, ""));
    const labelTrigrams = this.#trigramsOf(domain.label);
    let shared = 0;
    for (const t of labelTrigrams) if (descTrigrams.has(t)) shared++;
    const overlap = labelTrigrams.size ? shared / labelTrigrams.size : 0;

    let prefix = 0;
    for (const { word } of description.tokens) {
      for (let k = Math.min(word.length, domain.label.length); k >= 4; k--) {
        if (domain.label.includes(word.slice(0, k))) {
          prefix = Math.max(prefix, k / Math.max(4, Math.min(word.length, 8)));
          break;
        }
      }
    }

    let relation = 0;
    let bagCosine = 0;
    for (const [index, morpheme] of domain.morphemes.entries()) {
      if (morpheme.kind === "number" || morpheme.text.length < 3) continue;
      const stem = domain.morphemeStems[index] ?? morpheme.text;
      const morphemeBag = morpheme.kind === "word" ? this.#bag(morpheme.text) : new Map([[stem, 1]]);
      const morphemeNorm = norm(morphemeBag);
      let bestRelation = 0;
      for (const token of description.tokens) {
        const tokenBag = this.#bag(token.word);
        bestRelation = Math.max(bestRelation, tokenBag.get(stem) ?? 0, morphemeBag.get(token.stem) ?? 0);
        let dot = 0;
        for (const [key, weight] of morphemeBag) dot += weight * (tokenBag.get(key) ?? 0);
        if (dot > 0) bagCosine = Math.max(bagCosine, dot / (morphemeNorm * norm(tokenBag)));
      }
      relation += bestRelation;
    }
    let hypernymLink = 0;
    let shortPrefix = 0;
    for (const [index, morpheme] of domain.morphemes.entries()) {
      if (morpheme.kind === "number" || morpheme.text.length < 3) continue;
      const stem = domain.morphemeStems[index] ?? morpheme.text;
      const morphemeClosure = morpheme.kind === "word" ? this.#closure(morpheme.text) : EMPTY;
      for (const token of description.tokens) {
        const tokenClosure = this.#closure(token.word);
        let link = Math.max(tokenClosure.get(stem) ?? 0, morphemeClosure.get(token.stem) ?? 0);
        for (const [ancestor, weight] of morphemeClosure) {
          const other = tokenClosure.get(ancestor);
          if (other !== undefined) link = Math.max(link, 0.5 * Math.min(weight, other));
        }
        hypernymLink = Math.max(hypernymLink, link);
        if (token.word.length >= 4 && morpheme.text.length >= 3 && token.stem !== stem) {
          const head = token.word.slice(0, 3);
          if (morpheme.text.startsWith(head) || token.word.startsWith(morpheme.text.slice(0, 3)))
            shortPrefix = Math.max(shortPrefix, 0.5);
          if (morpheme.text.length >= 4 && token.word.startsWith(morpheme.text.slice(0, 4))) shortPrefix = 1;
        }
      }
    }
    return [overlap, prefix, Math.min(relation, 2), bagCosine, hypernymLink, shortPrefix];
  }

  #closure(word: string): Map<string, number> {
    let closure = this.#closures.get(word);
    if (!closure) {
      closure = hypernymClosure(this.wordnet, word);
      this.#closures.set(word, closure);
    }
    return closure;
  }

  #bag(word: string): ReadonlyMap<string, number> {
    return relatedStems(this.wordnet, word);
  }

  #trigramsOf(text: string): Set<string> {
    let set = this.#trigrams.get(text);
    if (set) return set;
    set = new Set<string>();
    for (let i = 0; i + 3 <= text.length; i++) set.add(text.slice(i, i + 3));
    if (this.#trigrams.size > 50_000) this.#trigrams.clear();
    this.#trigrams.set(text, set);
    return set;
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();

const norms = new WeakMap<ReadonlyMap<string, number>, number>();
function norm(bag: ReadonlyMap<string, number>): number {
  let value = norms.get(bag);
  if (value === undefined) {
    value = 0;
    for (const weight of bag.values()) value += weight * weight;
    value = Math.sqrt(value) || 1;
    norms.set(bag, value);
  }
  return value;
}
