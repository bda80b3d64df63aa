import { stemmer } from "stemmer";
import type { WordNet } from "./WordNet.js";

/** Ancestors so general that sharing them says nothing about two words. */
const TOO_GENERAL = new Set(
  (
    "entity physical_entity abstraction abstract_entity object whole thing matter act human_action human_activity event " +
    "group grouping relation attribute communication measure quantity psychological_feature artifact artefact instrumentality " +
    "state process cognition content unit part portion activity change action causal_agent cause person individual someone " +
    "organism being living_thing device structure construction location condition property quality organization organisation " +
    "social_group collection aggregation accumulation assemblage system make create move travel go interact"
  ).split(" "),
);

/**
 * Stems of a word's hypernym ancestors (up to `hops` levels, first `senses` senses of each
 * part of speech), with 1/(1+depth) weights; over-general ancestors are left out.
 */
export function hypernymClosure(wordnet: WordNet, word: string, hops = 4, senses = 2): Map<string, number> {
  const closure = new Map<string, number>();
  let frontier = wordnet.synsets(word, senses).filter((s) => s.pos === "noun" || s.pos === "verb");
  const seen = new Set<string>();
  for (let depth = 1; depth <= hops && frontier.length > 0; depth++) {
    const next = [];
    for (const synset of frontier) {
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== "@" && pointer.symbol !== "@i") continue;
        const key = `${pointer.pos}:${pointer.offset}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const parent = wordnet.synset(pointer.pos, pointer.offset);
        if (parent.lemmas.some((l) => TOO_GENERAL.has(l))) continue;
        for (const lemma of parent.lemmas) {
          if (lemma.includes("_")) continue;
          const stem = stemmer(lemma);
          if (!closure.has(stem)) closure.set(stem, 1 / (1 + depth));
        }
        next.push(parent);
      }
    }
    frontier = next;
  }
  return closure;
}
