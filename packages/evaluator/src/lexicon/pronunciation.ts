import { dictionary } from "cmu-pronouncing-dictionary";

/** Syllables of a word: CMU dictionary vowel count when known, else a vowel-group estimate. */
export function syllables(word: string): { count: number; known: boolean } {
  const entry = dictionary[word.toLowerCase()];
  if (entry) return { count: (entry.match(/[012]/g) ?? []).length, known: true };
  const groups =
    word
      .toLowerCase()
      .replace(/e$/, "")
      .match(/[aeiouy]+/g) ?? [];
  return { count: Math.max(1, groups.length), known: false };
}

/** Whether the CMU dictionary has a pronunciation for `word`. */
export function isPronounceableWord(word: string): boolean {
  return dictionary[word.toLowerCase()] !== undefined;
}

const VOWELS = /[aeiouy]/;

/**
 * Pronounceability 0–10 of a label from its morphemes: share of letters inside CMU
 * dictionary words, longest consonant run, vowel ratio and syllable count.
 */
export function pronounceability(label: string, morphemes: readonly { text: string; kind: string }[]): number {
  const letters = label.replace(/[^a-z]/g, "");
  if (letters.length === 0) return 0;
  let known = 0;
  let count = 0;
  for (const m of morphemes) {
    if (m.kind === "number") continue;
    const s = syllables(m.text);
    count += s.count;
    if (s.known) known += m.text.length;
  }
  const longestConsonants = Math.max(0, ...letters.split(VOWELS).map((run) => run.length));
  const vowelRatio = (letters.match(/[aeiouy]/g) ?? []).length / letters.length;
  let score = 4 + 4 * (known / letters.length);
  if (longestConsonants >= 4) score -= 3;
  else if (longestConsonants === 3) score -= 1;
  if (vowelRatio < 0.2 || vowelRatio > 0.7) score -= 2;
  if (count > 4) score -= count - 4;
  if (count >= 2 && count <= 3) score += 2;
  else if (count === 1 || count === 4) score += 1;
  return clamp10(score);
}

/** Clamps to [0, 10]. */
export function clamp10(value: number): number {
  return Math.max(0, Math.min(10, value));
}
