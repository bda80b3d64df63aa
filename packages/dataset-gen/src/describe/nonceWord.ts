import type { Rng } from "../random/Rng.js";

const ONSETS = "b|c|d|f|g|h|j|k|l|m|n|p|r|s|t|v|w|z|br|dr|kr|pl|st|tr|gl|sk|sn|fl|gr|bl|ch|sh|th|kw|sp|y|v|x".split(
  "|",
);
const VOWELS = "a|e|i|o|u|y|ai|ou|ee|oo|ea|ia|io|au".split("|");
const CODAS = "||||n|r|l|m|s|t|k|rt|nd|st|x|z|ng|sk|mp".split("|");

/**
 * An invented word ("nonce"), e.g. "kypimyrt", "drendquoos": 2–3 syllables, 5–10 letters, pronounceable, not a
 * real English word the model could memorize. Nonce businesses teach the model to copy words from the prompt.
 */
export function nonceWord(rng: Rng): string {
  for (;;) {
    const syllables = rng.int(2, 3);
    let word = "";
    for (let i = 0; i < syllables; i++) {
      word += rng.pick(ONSETS) + rng.pick(VOWELS);
      if (i === syllables - 1 || rng.chance(0.35)) word += rng.pick(CODAS);
    }
    if (word.length >= 5 && word.length <= 10 && !/(.)\1\1/.test(word)) return word;
  }
}
