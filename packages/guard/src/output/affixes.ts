import words from "../data/affixes.json" with { type: "json" };

/** Words people put around a mark ("paypal-login", "mygoogle", "netflixdeals"). Data: src/data/affixes.json. */
export const GENERIC_AFFIXES: readonly string[] = words.genericAffixes;

/** Words of phishing and support-desk impersonation: with a mark, they make an impersonation. */
export const PHISHING_WORDS: readonly string[] = words.phishingWords;

/** Phishing words too ordinary ("pay", "tech", "help") to make an impersonation of an ordinary word on their own. */
const WEAK_PHISHING_WORDS: ReadonlySet<string> = new Set(words.weakPhishingWords);

/** The subset of {@link PHISHING_WORDS} strong enough to turn an ordinary word ("smart", "apple") into an impersonation. */
export const STRONG_PHISHING_WORDS: readonly string[] = PHISHING_WORDS.filter((word) => !WEAK_PHISHING_WORDS.has(word));

/** `text` split completely into words from `vocabulary` (`[]` for empty text), or `undefined` when it does not split. */
export function splitWords(text: string, vocabulary: ReadonlySet<string>): string[] | undefined {
  const from: Array<number | undefined> = [0];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 16); start < end; start++) {
      if (from[start] !== undefined && vocabulary.has(text.slice(start, end))) {
        from[end] = start;
        break;
      }
    }
  }
  if (from[text.length] === undefined) return undefined;
  const words: string[] = [];
  for (let end = text.length; end > 0; end = from[end]!) words.unshift(text.slice(from[end]!, end));
  return words;
}

/** Whether `text` splits completely into words from `vocabulary` (empty text does). */
export function splitsInto(text: string, vocabulary: ReadonlySet<string>): boolean {
  return splitWords(text, vocabulary) !== undefined;
}
