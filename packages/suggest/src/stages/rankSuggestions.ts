import type { SuggestStyle } from "../request.js";

/** A suggestion that passed every filter, with what ranking needs. */
export interface Candidate {
  domain: string;
  label: string;
  confidence: number;
  /** Order of arrival, to break ties stably. */
  order: number;
}

const VOWELS = /[aeiouy]/;

/** How well a label fits a style, in [0, 1]. Heuristics, documented in the README. */
export function styleFit(label: string, style: SuggestStyle, descriptionWords: ReadonlySet<string>): number {
  const letters = label.replaceAll("-", "");
  const lengthScore = (ideal: number, spread: number) => Math.max(0, 1 - Math.abs(letters.length - ideal) / spread);
  switch (style) {
    case "any":
      return 0.5;
    case "short":
      return Math.max(0, 1 - Math.max(0, letters.length - 3) / 12);
    case "brandable":
      return 0.5 * pronounceability(letters) + 0.3 * lengthScore(7, 8) + (/[\d-]/.test(label) ? 0 : 0.2);
    case "descriptive":
      return 0.7 * coverage(letters, descriptionWords) + 0.3 * lengthScore(12, 12);
    case "playful":
      return (
        0.5 * pronounceability(letters) +
        0.3 * (/(.)\1|oo|ee|[aeiouy]$/.test(letters) ? 1 : 0) +
        0.2 * lengthScore(7, 8)
      );
    case "professional":
      return 0.5 * coverage(letters, descriptionWords) + 0.3 * (/[\d]/.test(label) ? 0 : 1) + 0.2 * lengthScore(10, 10);
  }
}

/**
 * Orders candidates best first: 0.6 × calibrated confidence + 0.4 × style fit, then shorter, then
 * alphabetical, so equal inputs always rank the same way.
 */
export function rankSuggestions(
  candidates: readonly Candidate[],
  style: SuggestStyle,
  description: string,
): Candidate[] {
  const words = descriptionWordSet(description);
  const score = new Map(candidates.map((c) => [c, 0.6 * c.confidence + 0.4 * styleFit(c.label, style, words)]));
  return [...candidates].sort(
    (a, b) =>
      (score.get(b) as number) - (score.get(a) as number) ||
      a.label.length - b.label.length ||
      a.domain.localeCompare(b.domain),
  );
}

/** Lowercase ASCII words of 3+ letters from the description. */
export function descriptionWordSet(description: string): Set<string> {
  return new Set(
    description
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9\s]/g, " ")
      .split(/\s+/)
      .filter((w) => w.length >= 3),
  );
}

/** Share of the label's letters covered by description words. */
function coverage(letters: string, words: ReadonlySet<string>): number {
  if (letters.length === 0) return 0;
  const covered = new Array<boolean>(letters.length).fill(false);
  for (const word of words) {
    let at = letters.indexOf(word);
    while (at >= 0) {
      covered.fill(true, at, at + word.length);
      at = letters.indexOf(word, at + 1);
    }
  }
  return covered.filter(Boolean).length / letters.length;
}

/** Share of adjacent letter pairs that alternate vowel and consonant, a cheap pronounceability proxy. */
function pronounceability(letters: string): number {
  const alpha = letters.replace(/\d/g, "");
  if (alpha.length < 2) return 0.5;
  let alternations = 0;
  for (let i = 1; i < alpha.length; i++) {
    if (VOWELS.test(alpha[i] as string) !== VOWELS.test(alpha[i - 1] as string)) alternations++;
  }
  return alternations / (alpha.length - 1);
}
