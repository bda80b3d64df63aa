import { dictionary } from "cmu-pronouncing-dictionary";

/**
 * Alliteration and rhyme from the CMU pronouncing dictionary: indexes a pool of partner words by their first
 * phoneme and by their rhyme (last stressed vowel to the end), then finds partners for any keyword.
 * Words the dictionary lacks (invented words) fall back to spelling: first letter, last three letters.
 */
export class Phonetics {
  readonly #byOnset = new Map<string, string[]>();
  readonly #byRhyme = new Map<string, string[]>();

  constructor(pool: readonly string[]) {
    for (const word of [...new Set(pool)].sort()) {
      push(this.#byOnset, onsetOf(word), word);
      push(this.#byRhyme, rhymeOf(word), word);
    }
  }

  /** Pool words that start with the same sound as `word` (not the word itself). */
  alliterations(word: string): readonly string[] {
    return (this.#byOnset.get(onsetOf(word)) ?? []).filter((w) => w !== word);
  }

  /** Pool words that rhyme with `word` (not the word itself, nor words that contain it). */
  rhymes(word: string): readonly string[] {
    return (this.#byRhyme.get(rhymeOf(word)) ?? []).filter((w) => !w.includes(word) && !word.includes(w));
  }
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}

function phones(word: string): string[] | undefined {
  return dictionary[word]?.split(" ");
}

/** First phoneme (stress removed), or "#" + first letter for unknown words. */
export function onsetOf(word: string): string {
  const p = phones(word);
  return p ? p[0]!.replace(/\d/, "") : `#${word[0]}`;
}

/** Phonemes from the last stressed vowel to the end, or "#" + last three letters for unknown words. */
export function rhymeOf(word: string): string {
  const p = phones(word);
  if (!p) return `#${word.slice(-3)}`;
  let at = p.length - 1;
  while (at > 0 && !/[12]$/.test(p[at]!)) at--;
  if (!/[12]$/.test(p[at]!))
    at = Math.max(
      0,
      p.findLastIndex((ph) => /\d$/.test(ph)),
    );
  return p.slice(at).join(" ").replace(/\d/g, "");
}
