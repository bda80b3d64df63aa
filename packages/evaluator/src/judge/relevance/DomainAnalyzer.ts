import { stemmer } from "stemmer";
import type { WordNet } from "../../lexicon/WordNet.js";
import { type Morpheme, segmentLabel } from "../../text/segmentLabel.js";
import { contentTokens, type Token } from "../../text/tokenize.js";

/** A domain taken apart: registrable label, TLD (everything after the first dot) and morphemes. */
export interface AnalyzedDomain {
  domain: string;
  label: string;
  tld: string;
  morphemes: Morpheme[];
  /** Stems of the morphemes with at least 3 letters. */
  stems: string[];
  /** Stem of each morpheme, aligned with `morphemes`. */
  morphemeStems: string[];
  /** The morphemes that are dictionary words of at least 3 letters (what carries meaning). */
  words: string[];
}

/** A description's content tokens, cached. */
export interface AnalyzedDescription {
  text: string;
  tokens: Token[];
}

/** Caches segmentation and tokenization: the judge sees the same strings many times. */
export class DomainAnalyzer {
  readonly #domains = new Map<string, AnalyzedDomain>();
  readonly #descriptions = new Map<string, AnalyzedDescription>();
  readonly #lexicon: { isWord(text: string): boolean };

  constructor(readonly wordnet: WordNet) {
    this.#lexicon = { isWord: (text) => wordnet.baseForm(text) !== undefined };
  }

  domain(domain: string): AnalyzedDomain {
    const key = domain.toLowerCase().trim();
    let analyzed = this.#domains.get(key);
    if (analyzed) return analyzed;
    const dot = key.indexOf(".");
    const label = dot === -1 ? key : key.slice(0, dot);
    const tld = dot === -1 ? "" : key.slice(dot + 1);
    const morphemes = segmentLabel(label, this.#lexicon);
    const morphemeStems = morphemes.map((m) => stemmer(m.text));
    const stems = morphemeStems.filter(
      (_, i) => morphemes[i]?.kind !== "number" && (morphemes[i]?.text.length ?? 0) >= 3,
    );
    const words = morphemes.filter((m) => m.kind === "word" && m.text.length >= 3).map((m) => m.text);
    analyzed = { domain: key, label, tld, morphemes, stems, morphemeStems, words };
    this.#domains.set(key, analyzed);
    return analyzed;
  }

  description(text: string): AnalyzedDescription {
    let analyzed = this.#descriptions.get(text);
    if (analyzed) return analyzed;
    analyzed = { text, tokens: contentTokens(text) };
    if (this.#descriptions.size > 50_000) this.#descriptions.clear();
    this.#descriptions.set(text, analyzed);
    return analyzed;
  }
}
