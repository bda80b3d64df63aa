import { createRequire } from "node:module";

type Confusables = typeof import("confusables");
let confusables: Confusables | undefined;

/**
 * `confusables.remove`, loaded on first use. The package is CommonJS: `require` skips the export
 * scan an ESM import of it does, and a process that never folds text never loads its table.
 */
function removeConfusables(text: string): string {
  confusables ??= createRequire(import.meta.url)("confusables") as Confusables;
  return confusables.remove(text);
}

/** Zero-width and soft-hyphen characters used to split words invisibly. */
// U+034F (combining grapheme joiner) stands alone: a combining mark inside a class is misleading.
const INVISIBLE = /\u034f|[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Leetspeak digits and symbols → letters. `1` and `|` are ambiguous (i or l): both readings are produced. */
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "g",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "i",
  "+": "t",
  "€": "e",
  "£": "l",
  "¢": "c",
  "(": "c",
};

/**
 * Folds text to plain lower-case Latin for matching: NFKC (fullwidth, ligatures, styled letters),
 * `ß`→`ss`, Unicode confusables (Cyrillic/Greek look-alikes, via `confusables`), case, diacritics,
 * invisible characters. Keeps digits and punctuation for the leetspeak and separator passes.
 */
export function foldText(text: string): string {
  // Confusables first: NFKC would turn "⒭" into "(r)" and "ſ" into an s that confusables calls f.
  const clean = text
    .replace(INVISIBLE, "")
    .replace(/[ßẞ]/g, "ss")
    .replace(/ſ/g, "s")
    .replace(REGIONAL_INDICATOR, regionalLetter);
  return removeConfusables(removeConfusables(clean).normalize("NFKC"))
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
}

/** A letter from a script whose letters pass for Latin ones (accented Latin such as "é" is not one). */
const LOOKALIKE_LETTER =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}\p{Script=Coptic}]/u;

/** Regional indicator symbols (🇦–🇿) read as letters. */
const REGIONAL_INDICATOR = /[\u{1f1e6}-\u{1f1ff}]/gu;

function regionalLetter(c: string): string {
  return String.fromCharCode(0x61 + c.codePointAt(0)! - 0x1f1e6);
}

/**
 * The views of `text` that the policy matches against, each a string of single-space-separated
 * lower-case tokens: `plain` (punctuation splits words), `joined` (separators inside words removed:
 * `n.u.d.e`, `p-o-r-n`, `n u d e` → `nude`), and `joinedAmbiguous` (like `joined`, but `1` and `|`
 * are left as `1`, which the compiled terms accept for both `i` and `l`: `k1d`, `a1coho1`; after
 * look-alike Unicode, every `i` and `l` is left as `1` too), and `joinedArticle` (like `joined`, but a
 * spaced-out run keeps a leading article: "a h e r o i n" → "a heroin").
 * Leetspeak is decoded only inside tokens that also contain letters, so `24/7` and `420` stay digits.
 */
export function normalizeViews(text: string): {
  plain: string;
  joined: string;
  joinedAmbiguous: string;
  joinedArticle: string;
} {
  const folded = foldText(text);
  const plain = tokensOf(decodeLeet(folded, "i"));
  const separated = joinSeparated(folded);
  const joined = tokensOf(decodeLeet(separated, "i"));
  // Look-alike Unicode makes i and l ambiguous too (confusables reads "ι", "ɩ", "ӏ" as l), so in
  // text that had any, every i and l is left undecided as well.
  const lookalikes = LOOKALIKE_LETTER.test(text) || text.normalize("NFKC") !== text;
  const ambiguous = /[1|]/.test(folded) || lookalikes;
  const undecided = decodeLeet(separated, "1", "1");
  const joinedAmbiguous = ambiguous ? tokensOf(lookalikes ? undecided.replace(/[il]/g, "1") : undecided) : joined;
  // Only when a spaced-out run starts with "a" or "i" is the article reading worth a view.
  const withArticle = /(^|\s)[ai]\s+\S\s+\S\s+\S(\s|$)/.test(folded)
    ? tokensOf(decodeLeet(joinSeparated(folded, true), "i"))
    : joined;
  return { plain, joined, joinedAmbiguous, joinedArticle: withArticle };
}

/** A number with a unit or suffix ("500s", "$100b+", "24h", "5th", "10x"), which leetspeak decoding leaves alone. */
const NUMBER_WITH_UNIT =
  /^[$€£]?\d{2,}(s|k|m|b|bn|h|hr|hrs|d|g|th|st|nd|rd|am|pm|kg|km|mb|gb|tb|hz|px|ms|mm|cm|ml|mg|kw|w|v|p)?\+?[.,;:!?)]*$/;

function decodeLeet(folded: string, oneAs: "i" | "1", pipeAs: "i" | "1" = oneAs): string {
  return folded.replace(/\S+/g, (run) => {
    if (!/[a-z]/.test(run)) return run;
    // "500s", "$100b+", "1990s", "24h": a number with a short unit, not leetspeak.
    if (NUMBER_WITH_UNIT.test(run)) return run;
    // A trailing "!" is punctuation ("now!"), not an i.
    const match = /^(.*?)(!*)$/.exec(run)!;
    const core = match[1]!.replace(/[0-9@$!|+€£¢(]/g, (c) => {
      if (c === "1") return oneAs;
      if (c === "|") return pipeAs;
      return LEET[c] ?? c;
    });
    return `${core}${match[2]}`;
  });
}

/** Longer tokens are cut: no word is this long, and term patterns backtrack on very long ones. */
const MAX_TOKEN = 48;

function tokensOf(decoded: string): string {
  return decoded
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((token) => (token.length > MAX_TOKEN ? token.slice(0, MAX_TOKEN) : token))
    .join(" ");
}

const LEET_SYMBOLS = "@$!|+€£¢(";
const SEPARATORS = new RegExp(`[^a-z0-9\\s${escapeClass(LEET_SYMBOLS)}]`, "g");
const WORD_CHAR = `[a-z0-9${escapeClass(LEET_SYMBOLS)}]`;
const INNER_SEPARATOR = new RegExp(`(${WORD_CHAR})[^a-z0-9\\s${escapeClass(LEET_SYMBOLS)}]+(?=${WORD_CHAR})`, "g");

/**
 * Undoes separator evasions before leetspeak is decoded: separators inside a word are dropped
 * ("nu.de", "p-0-r-n"), and runs of three or more one-character words are joined ("n u d e").
 */
function joinSeparated(folded: string, keepArticle = false): string {
  const raw = folded
    .split(/\s+/)
    .map((token) => token.replace(INNER_SEPARATOR, "$1"))
    .filter((token) => token.replace(SEPARATORS, "") !== "");
  return joinSingleCharacters(raw, keepArticle).join(" ");
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^$|-]/g, "\\$&");
}

/**
 * "n u d e" → "nude": runs of three or more one-character tokens are one spaced-out word. With
 * `keepArticle`, a leading "a" or "i" stays a word of its own ("a h e r o i n" → "a heroin").
 */
function joinSingleCharacters(tokens: string[], keepArticle: boolean): string[] {
  // One character, possibly repeated ("p u m ppp"), is one spaced-out letter.
  const single = (token: string | undefined) => token !== undefined && /^(.)\1*$/.test(token.replace(SEPARATORS, ""));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (single(tokens[j])) j++;
    if (keepArticle && j - i >= 4 && /^[ai]$/.test(tokens[i]!)) {
      out.push(tokens[i]!);
      i++;
    }
    if (j - i >= 3) {
      out.push(
        tokens
          .slice(i, j)
          .map((t) => t.replace(SEPARATORS, ""))
          .join(""),
      );
      i = j;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}
