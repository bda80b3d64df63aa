import { stemmer } from "stemmer";
import { STOPWORDS } from "./stopwords.js";

/** A content word of a description: surface form (lowercase) and Porter stem. */
export interface Token {
  word: string;
  stem: string;
}

const WORD = /[a-z0-9]+/g;

/** Lowercase words of `text`, split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Content words (stopwords and one-letter words dropped) with their stems, duplicates removed. */
export function contentTokens(text: string): Token[] {
  const seen = new Set<string>();
  const tokens: Token[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    const stem = stemmer(word);
    if (seen.has(stem)) continue;
    seen.add(stem);
    tokens.push({ word, stem });
  }
  return tokens;
}

export { stemmer };
