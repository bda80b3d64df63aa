/**
 * English function words: they cost prompt tokens and tell the model nothing about the business.
 * (A shared lexicon package would own this list; see docs/FOLLOW-UPS.md, duplication item 5.)
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor so yet for of to in on at by from with without into onto over under about above below " +
    "between through during before after than then that this these those there here it its it's is are was were be been " +
    "being am do does did have has had having will would can could shall should may might must we our ours us you your " +
    "yours they their theirs them he his him she her i me my mine who whom whose which what when where why how as if " +
    "also just very really quite all any some each every such own same other more most much many few no not only too"
  ).split(" "),
);

/** How the text was shortened, in the order the steps are tried. */
export type ShorteningStep =
  | "none"
  | "duplicate-sentences"
  | "leading-sentences"
  | "stopwords"
  | "leading-words"
  | "leading-characters";

/** A shortened description and the last step it needed. */
export interface ShortenedDescription {
  text: string;
  step: ShorteningStep;
}

const SENTENCE_END = /(?<=[.!?;])\s+/;

/**
 * Shortens a description until `fits(text)` holds, deterministically and extractively (every word kept is the
 * user's own, in the user's order), trying the gentlest step first:
 * 1. drop repeated sentences; 2. keep the leading sentences, as written; 3. when not even the first sentence fits,
 * drop function words and words already said, and keep the leading sentences of that; 4. keep the leading words of
 * the first sentence; 5. keep the leading characters of the first word (text without spaces, e.g. Chinese or
 * Japanese). Whole sentences come before telegraphic text because a model answers best on text like its training's
 * (Nomen's default model, on 25 long descriptions of a dev draw: judge 8.40 on leading sentences vs 7.37 on the
 * compacted text). `fits` must be monotone (a prefix of a text that fits also fits), as a token count against a
 * budget is. When not even one character fits, that character is returned (the caller then has to give up answer
 * budget).
 */
export function shortenDescription(description: string, fits: (text: string) => boolean): ShortenedDescription {
  if (fits(description)) return { text: description, step: "none" };
  const sentences = uniqueSentences(description.split(SENTENCE_END));
  const deduped = sentences.join(" ");
  if (fits(deduped)) return { text: deduped, step: "duplicate-sentences" };
  const leading = largestFitting(sentences.length, (n) => fits(sentences.slice(0, n).join(" ")));
  if (leading > 0) return { text: sentences.slice(0, leading).join(" "), step: "leading-sentences" };
  // A description of only function words or symbols keeps its sentences for the later steps.
  const compacted = compactSentences(sentences);
  const compact = compacted.length > 0 ? compacted : sentences;
  const kept = largestFitting(compact.length, (n) => fits(compact.slice(0, n).join(" ")));
  if (kept > 0) return { text: compact.slice(0, kept).join(" "), step: "stopwords" };
  const words = (compact[0] ?? description).split(" ");
  const keptWords = largestFitting(words.length, (n) => fits(words.slice(0, n).join(" ")));
  if (keptWords > 0) return { text: words.slice(0, keptWords).join(" "), step: "leading-words" };
  // Code points, so a character is never split into invalid UTF-16.
  const chars = Array.from(words[0] ?? "");
  const prefix = largestFitting(chars.length, (n) => fits(chars.slice(0, n).join("")));
  return { text: chars.slice(0, Math.max(1, prefix)).join(""), step: "leading-characters" };
}

function uniqueSentences(sentences: string[]): string[] {
  const seen = new Set<string>();
  return sentences.filter((sentence) => {
    // Symbols only (emoji): the sentence is its own key.
    const key = normalize(sentence) || sentence.trim();
    if (key === "" || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each sentence without function words and without words an earlier sentence (or itself) already said. */
function compactSentences(sentences: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const sentence of sentences) {
    const end = /[.!?;]+$/.exec(sentence)?.[0] ?? "";
    const kept = sentence.split(" ").filter((word) => {
      const key = normalize(word);
      if (key === "" || STOPWORDS.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (kept.length === 0) continue;
    const last = kept.length - 1;
    kept[last] = `${(kept[last] as string).replace(/[.!?;,:]+$/, "")}${end}`;
    out.push(kept.join(" "));
  }
  return out;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’]+/gu, "")
    .replace(/’/g, "'");
}

/** The largest n in [0, max] with ok(n), for a monotone ok (binary search: ~log2(max) calls). */
function largestFitting(max: number, ok: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
