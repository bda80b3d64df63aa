import table from "../data/industries.json" with { type: "json" };

/**
 * One industry of the curated taxonomy: its business types, the TLDs that fit it, the WordNet nouns whose
 * hyponyms widen the business types, and the WordNet nouns that seed metaphor names.
 * The rows themselves are data, kept in `src/data/industries.json`.
 */
export interface Industry {
  id: string;
  label: string;
  /** Curated business types, each a short noun phrase ("dog grooming salon"). */
  types: readonly string[];
  /** Generic TLDs (after .com) that fit, best first. */
  tlds: readonly string[];
  /** WordNet noun lemmas (first sense) whose hyponyms become more business types of this industry. */
  widenFrom: readonly string[];
  /** Head noun appended to a WordNet hyponym to make a business ("" = the hyponym is a business already). */
  widenHead: string;
  /** WordNet noun lemmas whose hyponyms/synonyms seed metaphor names. */
  metaphorFrom: readonly string[];
  /** Whether businesses here are usually local (then a ccTLD and the city fit). */
  local: boolean;
}

/** The curated industries (45), in a stable order: the order drives every seeded draw. */
export const INDUSTRIES: readonly Industry[] = table satisfies readonly Industry[];
