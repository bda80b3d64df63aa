/** The evasion techniques {@link applyEvasions} knows. */
export const EVASION_KINDS = [
  "leetspeak",
  "separators",
  "inner-separator",
  "fullwidth",
  "confusables",
  "repeat-letters",
  "case",
  "zero-width",
] as const;

export type EvasionKind = (typeof EVASION_KINDS)[number];

export interface ApplyEvasionsOptions {
  /** Seed of the pseudo-random choices; the same seed gives the same text. Defaults to 1. */
  readonly seed?: number;
  /** Techniques to combine. Defaults to all of {@link EVASION_KINDS}. */
  readonly kinds?: readonly EvasionKind[];
  /** Share of eligible words (or letters, for leetspeak and confusables) changed. Defaults to 0.5. */
  readonly rate?: number;
}

const LEET: Readonly<Record<string, readonly string[]>> = {
  a: ["4", "@"],
  e: ["3"],
  i: ["1", "!"],
  o: ["0"],
  s: ["5", "$"],
  t: ["7"],
  l: ["1", "|"],
  g: ["9"],
  b: ["8"],
};
/** Cyrillic and Greek letters that render like Latin ones. */
const HOMOGLYPHS: Readonly<Record<string, readonly string[]>> = {
  a: ["\u0430", "\u03b1"],
  c: ["\u0441"],
  e: ["\u0435"],
  i: ["\u0456"],
  j: ["\u0458"],
  o: ["\u043e", "\u03bf"],
  p: ["\u0440"],
  s: ["\u0455"],
  x: ["\u0445"],
  y: ["\u0443"],
  k: ["\u03ba"],
  n: ["\u0578"],
};
const SEPARATORS = [".", "-", "_", " ", "*", "\u00b7", "/", "~"];

/**
 * Disguises `text` the way people dodge filters: leetspeak (`p0rn`), separators (`n.u.d.e`,
 * `nu-de`), fullwidth letters, Cyrillic/Greek look-alikes, repeated letters, random case and
 * zero-width spaces. Deterministic for a seed; used to test that the input policy sees through it.
 *
 * @example applyEvasions("cocaine delivery", { seed: 3, kinds: ["leetspeak"] }) // "c0c4in3 d3liv3ry"
 */
export function applyEvasions(text: string, options: ApplyEvasionsOptions = {}): string {
  const { seed = 1, kinds = EVASION_KINDS, rate = 0.5 } = options;
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let words = text.split(" ");
  for (const kind of kinds) {
    words = words.map((word) => {
      if (!/[a-z]/i.test(word)) return word;
      switch (kind) {
        case "leetspeak":
          return mapLetters(word, (c) => (LEET[c.toLowerCase()] && random() < rate ? pick(LEET[c.toLowerCase()]!) : c));
        case "confusables":
          return mapLetters(word, (c) =>
            HOMOGLYPHS[c.toLowerCase()] && random() < rate ? pick(HOMOGLYPHS[c.toLowerCase()]!) : c,
          );
        case "fullwidth":
          return random() < rate ? mapLetters(word, toFullwidth) : word;
        case "separators":
          return random() < rate && word.length > 2 ? [...word].join(pick(SEPARATORS)) : word;
        case "inner-separator": {
          if (random() >= rate || word.length < 3) return word;
          const at = 1 + Math.floor(random() * (word.length - 1));
          return `${word.slice(0, at)}${pick(SEPARATORS.filter((s) => s !== " "))}${word.slice(at)}`;
        }
        case "repeat-letters":
          return mapLetters(word, (c) =>
            /[a-z]/i.test(c) && random() < rate / 3 ? c.repeat(2 + Math.floor(random() * 3)) : c,
          );
        case "case":
          return mapLetters(word, (c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase()));
        case "zero-width":
          return random() < rate && word.length > 2 ? `${word.slice(0, 1)}\u200b${word.slice(1)}` : word;
      }
      return word;
    });
  }
  return words.join(" ");
}

function mapLetters(word: string, map: (c: string) => string): string {
  return [...word].map(map).join("");
}

function toFullwidth(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
