import type { Rng } from "../random/Rng.js";
import type { Brief } from "./brief.js";

/**
 * Applies a brief's noise: typos (never in the business keywords, so the target spelling stays in the text),
 * emoji, ALL CAPS or all lowercase.
 */
export function applyNoise(text: string, brief: Brief, rng: Rng, emoji: readonly string[]): string {
  let out = text;
  if (brief.noise.typos > 0) out = addTypos(out, brief.noise.typos, new Set(brief.keywords), rng);
  if (brief.noise.emoji) out = rng.chance(0.5) ? `${out} ${rng.pick(emoji)}` : `${rng.pick(emoji)} ${out}`;
  if (brief.noise.caps) out = out.toUpperCase();
  else if (brief.noise.lower) out = out.toLowerCase();
  return out;
}

function addTypos(text: string, count: number, protectedWords: ReadonlySet<string>, rng: Rng): string {
  const words = text.split(" ");
  const editable = words
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => /^[A-Za-z]{4,}$/.test(w) && !protectedWords.has(w.toLowerCase()));
  for (const { w, i } of rng.shuffle(editable).slice(0, count)) words[i] = typo(w, rng);
  return words.join(" ");
}

/** One keyboard-style slip: swap, drop or double a letter. */
export function typo(word: string, rng: Rng): string {
  const at = rng.int(1, word.length - 2);
  const kind = rng.int(0, 2);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}
