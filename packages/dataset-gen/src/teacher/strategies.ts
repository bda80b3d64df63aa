import type { Lexicon } from "../lexicon/Lexicon.js";
import { BRAND_PREFIXES, BRAND_ROOTS, BRAND_SUFFIXES, INVENTED_ENDINGS, PARTNER_NOUNS } from "../lexicon/morphemes.js";
import type { Rng } from "../random/Rng.js";

/** The naming strategies the teacher uses (documented in the README). */
export const STRATEGIES = [
  "keyword",
  "brandable",
  "portmanteau",
  "alliteration",
  "rhyme",
  "metaphor",
  "place",
  "short",
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** What a strategy knows about the request: ASCII words only. */
export interface NamingInput {
  keywords: string[];
  quality?: string;
  city?: string;
  industry: string;
  allowHyphens: boolean;
  allowNumbers: boolean;
}

/** One strategy draws a few candidate second-level labels (maybe none) for a request. */
export type StrategyFn = (input: NamingInput, rng: Rng, lexicon: Lexicon) => string[];

const VOWEL = /[aeiouy]/;

/** A brandable stem: drops common endings ("grooming" → "groom", "bakery" → "baker" → "bake"). */
export function stem(word: string): string {
  const s = word.replace(/(ing|ery|ers|er|ies|s|ion|ment)$/, "");
  return s.length >= 3 ? s : word;
}

/** First syllable-ish part for blends: up to and including the first vowel group plus one consonant. */
function front(word: string): string {
  const m = /^[^aeiouy]*[aeiouy]+[^aeiouy]?/.exec(word);
  return m && m[0].length >= 2 ? m[0] : word.slice(0, 3);
}

/** Blends two words: overlap when the end of `a` starts `b` ("dog" + "goods" → "dogoods"), else front(a) + tail(b). */
export function blend(a: string, b: string): string {
  for (let k = Math.min(a.length, b.length) - 1; k >= 2; k--) {
    if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  }
  const tail = b.slice(Math.max(1, b.search(VOWEL)));
  return front(a) + tail;
}

const KEYWORD_SUFFIXES =
  "hq|co|hub|house|place|spot|pro|now|online|shop|works|central|club|collective|corner|studio|direct|depot|room|lab|zone|base|point|world|nation|express|bros|guild|garage|supply|now|today|daily|local|plus|go|ly|crew|team|hut|box|stop|bar|line|way|land|ville|city|town|fix|kit|craft|mate|joy|love|life|time|fest|factory|market|store|nest|den|lane|street|square|yard".split(
    "|",
  );

/**
 * Names built from the business keywords. The bare compound ("giftshop") is only sometimes offered: the
 * exact-match name is usually taken, so real namers qualify it ("bluegiftshop", "giftshophq").
 */
export const keyword: StrategyFn = ({ keywords, quality, city, allowHyphens }, rng) => {
  const core = keywords.slice(0, 3).join("");
  const out: string[] = [];
  if (quality) out.push(rng.chance(0.5) ? quality + core : core + quality);
  if (city && rng.chance(0.5)) out.push(core + city);
  out.push(rng.chance(0.5) ? `${rng.pick(BRAND_PREFIXES)}${core}` : `${core}${rng.pick(KEYWORD_SUFFIXES)}`);
  if (rng.chance(0.12)) out.push(core);
  if (keywords.length > 1 && rng.chance(0.2)) out.push(keywords[0]! + keywords[keywords.length - 1]!);
  out.push(`${core}${rng.pick(KEYWORD_SUFFIXES)}`);
  if (allowHyphens && keywords.length > 1 && rng.chance(0.25)) out.push(keywords.slice(0, 3).join("-"));
  return out;
};

export const brandable: StrategyFn = ({ keywords }, rng) => {
  const s = stem(keywords[0]!);
  return [
    s + rng.pick(BRAND_SUFFIXES),
    front(s) + rng.pick(INVENTED_ENDINGS),
    rng.pick(BRAND_ROOTS) + s,
    rng.pick(BRAND_PREFIXES) + s,
  ];
};

export const portmanteau: StrategyFn = ({ keywords, quality, industry }, rng, lexicon) => {
  const partner = keywords[1] ?? quality ?? rng.pick(lexicon.metaphors.get(industry) ?? PARTNER_NOUNS);
  const other = rng.pick(PARTNER_NOUNS);
  return [blend(keywords[0]!, partner), blend(keywords[0]!, other), blend(other, keywords[0]!)];
};

export const alliteration: StrategyFn = ({ keywords }, rng, lexicon) => {
  const partners = lexicon.phonetics.alliterations(keywords[0]!);
  if (partners.length === 0) return [];
  const a = rng.pick(partners);
  const b = rng.pick(partners);
  const head = keywords[keywords.length - 1]!;
  return rng.chance(0.5) ? [a + keywords[0]!, keywords[0]! + b] : [a + head, head + b];
};

export const rhyme: StrategyFn = ({ keywords }, rng, lexicon) => {
  const partners = lexicon.phonetics.rhymes(keywords[0]!);
  if (partners.length === 0) return [];
  const p = rng.pick(partners);
  return [keywords[0]! + p, p + keywords[0]!];
};

export const metaphor: StrategyFn = ({ keywords, industry }, rng, lexicon) => {
  const pool = lexicon.metaphors.get(industry) ?? [];
  const m = rng.pick(pool.length > 0 && rng.chance(0.6) ? pool : PARTNER_NOUNS);
  const k = keywords[0]!;
  return [m + k, k + m, m + rng.pick(BRAND_SUFFIXES)];
};

export const place: StrategyFn = ({ keywords, city }, rng) => {
  if (!city) return [];
  const k = keywords[0]!;
  return [rng.chance(0.5) ? city + k : k + city, city + keywords[keywords.length - 1]!];
};

export const short: StrategyFn = ({ keywords, allowNumbers }, rng) => {
  const out: string[] = [];
  if (keywords.length > 2) out.push(keywords.map((k) => k[0]).join("") + keywords[keywords.length - 1]!);
  out.push(
    stem(keywords[0]!).slice(0, rng.int(4, 6)) +
      rng.pick([
        "co",
        "hq",
        "ly",
        "io",
        "go",
        "x",
        "z",
        "r",
        "ia",
        "os",
        "o",
        "a",
        "ee",
        "ix",
        "ify",
        "oo",
        "er",
        "um",
        "yx",
        "in",
      ]),
  );
  if (allowNumbers) out.push(keywords[0]! + rng.pick(["24", "365", "360", "247", "1", "101", "2go"]));
  return out;
};

export const STRATEGY_FNS: Readonly<Record<Strategy, StrategyFn>> = {
  keyword,
  brandable,
  portmanteau,
  alliteration,
  rhyme,
  metaphor,
  place,
  short,
};
