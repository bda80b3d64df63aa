import { stemmer } from "stemmer";
import { STOPWORDS } from "../text/stopwords.js";
import type { WordNet } from "./WordNet.js";

/** Weight of each WordNet pointer type when expanding a word into related stems. */
const POINTER_WEIGHTS: Record<string, number> = {
  "@": 0.6, // hypernym
  "@i": 0.6, // instance hypernym
  "+": 0.8, // derivationally related form
  "~": 0.4, // hyponym
  "&": 0.6, // similar to
  "\\": 0.7, // pertainym
  "=": 0.5, // attribute
  "#p": 0.5, // part holonym
  "%p": 0.5, // part meronym
  "#m": 0.4, // member holonym
  "%m": 0.4, // member meronym
  ";c": 0.6, // topic domain
  "-c": 0.4, // member of topic domain
  "^": 0.4, // also see
};

const SYNONYM_WEIGHT = 0.9;
const GLOSS_WEIGHT = 0.3;
const MAX_HYPONYMS = 12;

/**
 * Expands a word into a bag of related stems with weights in (0, 1]: itself (1), WordNet
 * synonyms, pointer neighbours (hypernyms, derivations, parts, topic domains …) and the
 * content words of its glosses. The word's most frequent senses count most.
 */
export function relatedStems(wordnet: WordNet, word: string, maxSenses = 3): ReadonlyMap<string, number> {
  let cache = caches.get(wordnet);
  if (!cache) {
    cache = new Map();
    caches.set(wordnet, cache);
  }
  const key = `${maxSenses}:${word}`;
  let bag = cache.get(key);
  if (!bag) {
    bag = expand(wordnet, word, maxSenses);
    if (cache.size > 200_000) cache.clear();
    cache.set(key, bag);
  }
  return bag;
}

const caches = new WeakMap<WordNet, Map<string, Map<string, number>>>();

function expand(wordnet: WordNet, word: string, maxSenses: number): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const piece of text.toLowerCase().split(/[^a-z0-9]+/)) {
      if (piece.length < 2 || STOPWORDS.has(piece)) continue;
      const stem = stemmer(piece);
      if ((bag.get(stem) ?? 0) < weight) bag.set(stem, weight);
    }
  };
  add(word, 1);
  for (const [rank, synset] of wordnet.synsets(word, maxSenses).entries()) {
    const senseWeight = rank === 0 ? 1 : 0.8;
    for (const lemma of synset.lemmas) add(lemma, SYNONYM_WEIGHT * senseWeight);
    add(synset.gloss.split(";")[0] ?? "", GLOSS_WEIGHT * senseWeight);
    let hyponyms = 0;
    for (const pointer of synset.pointers) {
      const weight = POINTER_WEIGHTS[pointer.symbol];
      if (weight === undefined) continue;
      if (pointer.symbol === "~" && ++hyponyms > MAX_HYPONYMS) continue;
      for (const lemma of wordnet.synset(pointer.pos, pointer.offset).lemmas) add(lemma, weight * senseWeight);
    }
  }
  return bag;
}
