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

/**
 * The characters a match of `term` can start with inside a view ({@link compileTerm}'s first letter
 * pattern), or `undefined` when it can start with anything (a leading `*`, or no first letter).
 * Grouping terms by these lets a rule compile only the alternatives that can match at a token.
 */
export function termInitials(term: string): readonly string[] | undefined {
  const first = term.trim().split(/[\s-]+/)[0]!;
  if (first.startsWith("*")) return undefined;
  const c = first.replace(/\*$/, "")[0];
  if (c === undefined) return undefined;
  if (c === "i" || c === "l") return [c, "1"];
  const reading = DIGIT_READINGS[c];
  // "[1il]" → 1, i, l
  if (reading) return [...reading.slice(1, -1)];
  return [c];
}

/** One regular expression matching any of `terms`, global so that every occurrence is found. */
export function compileTerms(terms: readonly string[]): RegExp {
  return new RegExp(terms.map(compileTerm).join("|"), "g");
}
