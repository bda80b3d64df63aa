/**
 * Compiles one lexicon term (see {@link PolicyRule}) to a regular-expression source that matches
 * inside a normalized view (lower-case tokens separated by single spaces). Each letter may repeat
 * (`nuuude`); words of a phrase may be joined or separated (`sexshop`, `sex shop`).
 */
export function compileTerm(term: string): string {
  const words = term.trim().split(/[\s-]+/);
  const parts = words.map((word, index) => {
    if (word === "*") return "[a-z0-9]+";
    const prefix = word.startsWith("*") ? "[a-z0-9]*" : "";
    const open = word.endsWith("*");
    const core = word.replace(/^\*|\*$/g, "");
    const letters = [...core].map(letterPattern).join("");
    const last = index === words.length - 1;
    const suffix = open ? "[a-z0-9]*" : last ? "(?:e?s)?" : "";
    return `${prefix}${letters}${suffix}`;
  });
  return `(?<![a-z0-9])${parts.join(" ?")}(?![a-z0-9])`;
}

/** A digit in a term ("3d", "ar 15") also matches the letter leetspeak decoding turned it into. */
const DIGIT_READINGS: Readonly<Record<string, string>> = {
  "0": "[0o]",
  "1": "[1il]",
  "3": "[3e]",
  "4": "[4a]",
  "5": "[5s]",
  "6": "[6g]",
  "7": "[7t]",
  "8": "[8b]",
  "9": "[9g]",
};

/** A letter may repeat; `i` and `l` also accept `1`, which the ambiguous view leaves undecided. */
function letterPattern(c: string): string {
  if (c === "i") return "[i1]+";
  if (c === "l") return "[l1]+";
  if (c in DIGIT_READINGS) return DIGIT_READINGS[c]!;
  return /[a-z]/.test(c) ? `${c}+` : c.replace(/[^a-z0-9]/g, "\\$&");
}

/** How a match of a term can begin: its first character, and the one after it. */
export interface TermStart {
  /** Characters the match can start with. */
  readonly first: readonly string[];
  /** Whether the first letter may repeat (`c+`), so the second character may be another of `first`. */
  readonly repeats: boolean;
  /** Characters the second letter can be; `undefined` when anything may follow (a one-letter first word). */
  readonly second: readonly string[] | undefined;
}

/**
 * How a match of `term` can begin inside a view (mirrors {@link compileTerm}'s letter patterns), or
 * `undefined` when it can begin with anything (a leading `*`, or no first letter). Grouping terms by
 * their first two characters lets a rule compile only the alternatives that can match at a token.
 */
export function termStart(term: string): TermStart | undefined {
  const first = term.trim().split(/[\s-]+/)[0]!;
  if (first.startsWith("*")) return undefined;
  const core = first.replace(/\*$/, "");
  if (core[0] === undefined) return undefined;
  const [letters, repeats] = letterChars(core[0]);
  return { first: letters, repeats, second: core[1] === undefined ? undefined : letterChars(core[1])[0] };
}

/** Whether a term beginning as `start` can match at a token whose first two characters are `c1` `c2`. */
export function termMayStart(start: TermStart, c1: string, c2: string): boolean {
  if (!start.first.includes(c1)) return false;
  return start.second === undefined || start.second.includes(c2) || (start.repeats && start.first.includes(c2));
}

/** The characters {@link letterPattern}`(c)` matches, and whether it may repeat. */
function letterChars(c: string): [readonly string[], boolean] {
  if (c === "i" || c === "l") return [[c, "1"], true];
  // "[1il]" → 1, i, l
  const reading = DIGIT_READINGS[c];
  if (reading) return [[...reading.slice(1, -1)], false];
  return [[c], /[a-z]/.test(c)];
}

/** One regular expression matching any of `terms`, global so that every occurrence is found. */
export function compileTerms(terms: readonly string[]): RegExp {
  return new RegExp(terms.map(compileTerm).join("|"), "g");
}
