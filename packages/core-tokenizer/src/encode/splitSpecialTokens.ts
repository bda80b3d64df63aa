import type { SpecialToken } from "../vocab/compileVocabulary.js";

/** One alternation regex over the special tokens' texts (longest first, as given); null when there are none. */
export function specialPattern(specials: readonly SpecialToken[]): RegExp | null {
  if (specials.length === 0) return null;
  const escaped = specials.map((s) => s.text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"));
  return new RegExp(escaped.join("|"), "g");
}

/**
 * Splits text at special tokens: `onText` gets the text between them, `onSpecial` each token's id.
 * With no pattern the whole (non-empty) text is one segment.
 */
export function splitSpecialTokens(
  text: string,
  pattern: RegExp | null,
  ids: ReadonlyMap<string, number>,
  onText: (segment: string) => void,
  onSpecial: (id: number) => void,
): void {
  if (pattern === null) {
    if (text.length > 0) onText(text);
    return;
  }
  pattern.lastIndex = 0;
  let end = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index > end) onText(text.slice(end, match.index));
    onSpecial(ids.get(match[0]) as number);
    end = match.index + match[0].length;
  }
  if (end < text.length) onText(end === 0 ? text : text.slice(end));
}
