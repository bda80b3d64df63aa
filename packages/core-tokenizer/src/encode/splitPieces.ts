/** Pre-tokenizer pieces of `text` (matches of a global regex), including any unmatched gaps. */
export function* splitPieces(pattern: RegExp, text: string): Generator<string> {
  pattern.lastIndex = 0;
  let end = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index > end) yield text.slice(end, match.index);
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    yield match[0];
    end = match.index + match[0].length;
  }
  if (end < text.length) yield text.slice(end);
}

/**
 * Index just after the last "\n" that is followed by a non-whitespace character; 0 when none.
 * With the Qwen2 and Llama 3 regexes no piece spans such a point, "\n" never composes under NFC
 * and no special token contains "\n", so text before it encodes the same whatever follows.
 */
export function lastSafeCut(text: string): number {
  // A "\n" in the last place has no next character yet (lastIndexOf would clamp -1 to 0 and find it).
  if (text.length < 2) return 0;
  for (let i = text.lastIndexOf("\n", text.length - 2); i >= 0; i = text.lastIndexOf("\n", i - 1)) {
    if (!/\s/.test(text.charAt(i + 1))) return i + 1;
    if (i === 0) break;
  }
  return 0;
}
