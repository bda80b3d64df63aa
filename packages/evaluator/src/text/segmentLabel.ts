/** A piece of a domain label: a known word, a digit run or an unknown chunk. */
export interface Morpheme {
  text: string;
  kind: "word" | "number" | "unknown";
}

/** Short words and brand morphemes common in domain names; other 2–3 letter dictionary words are rare in names. */
const SHORT_WORDS: ReadonlySet<string> = new Set(
  (
    "go to my of on in up we us be do me by at it is or an no so ai io hq ly fy ify ful app apps bot hub lab labs dev ops " +
    "pay med bio fin tech data get try use run now one new big top pro all max net web box kit car map job law tax buy pet " +
    "eat fit art ink pod fly sky sun air sea bay cap key lot way day ace gen geo eco neo ez co crypto cyber meta smart ly"
  ).split(" "),
);

/** Anything that can tell whether a string is a word (WordNet with morphy, a word list, …). */
export interface Lexicon {
  isWord(text: string): boolean;
}

/**
 * Splits a domain label ("plangrid", "42floors", "wire-over") into morphemes by dynamic
 * programming: fewest pieces, short words penalised, unknown letters expensive; unknown
 * runs are merged into one chunk so invented names ("zapier") keep their letters together.
 */
export function segmentLabel(label: string, lexicon: Lexicon): Morpheme[] {
  const morphemes: Morpheme[] = [];
  for (const part of label.toLowerCase().split(/[^a-z0-9]+/)) {
    if (part !== "") morphemes.push(...segmentPart(part, lexicon));
  }
  return morphemes;
}

function segmentPart(text: string, lexicon: Lexicon): Morpheme[] {
  const n = text.length;
  const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const back = new Int32Array(n + 1).fill(-1);
  const kinds: Morpheme["kind"][] = new Array(n + 1);
  cost[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 20); start < end; start++) {
      const before = cost[start] as number;
      if (before === Number.POSITIVE_INFINITY) continue;
      const piece = text.slice(start, end);
      let pieceCost: number;
      let kind: Morpheme["kind"];
      if (/^[0-9]+$/.test(piece)) {
        pieceCost = 1;
        kind = "number";
      } else if (SHORT_WORDS.has(piece)) {
        pieceCost = 1.3;
        kind = "word";
      } else if (!/[0-9]/.test(piece) && piece.length >= 3 && lexicon.isWord(piece)) {
        pieceCost = piece.length === 3 ? 1.6 : 1;
        kind = "word";
      } else if (end - start === 1) {
        pieceCost = 2.2;
        kind = "unknown";
      } else continue;
      if (before + pieceCost < (cost[end] as number)) {
        cost[end] = before + pieceCost;
        back[end] = start;
        kinds[end] = kind;
      }
    }
  }
  const pieces: Morpheme[] = [];
  for (let end = n; end > 0; end = back[end] as number) {
    pieces.push({ text: text.slice(back[end] as number, end), kind: kinds[end] as Morpheme["kind"] });
  }
  pieces.reverse();
  // Merge consecutive unknown letters into one chunk.
  const merged: Morpheme[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.kind === "unknown" && piece.kind === "unknown") last.text += piece.text;
    else merged.push({ ...piece });
  }
  return merged;
}
