import { englishMatcher } from "./englishMatcher.js";
import type { NameParts } from "./nameLabel.js";
import { SubstringTrie } from "./substringTrie.js";

/** Words that contain a profane substring but are not profane (the Scunthorpe problem). Removed before matching. */
const BENIGN = [
  "scunthorpe",
  "penistone",
  "therapist",
  "cumin",
  "cumulus",
  "cumulative",
  "accumulat",
  "cucumber",
  "document",
  "circum",
  "cockpit",
  "cocktail",
  "cockatoo",
  "cockroach",
  "peacock",
  "hancock",
  "hitchcock",
  "shuttlecock",
  "woodcock",
  "gamecock",
  "weathercock",
  "cockney",
  "cockerel",
  "cockle",
  "dickens",
  "dickson",
  "dickinson",
  "dickies",
  "essex",
  "sussex",
  "middlesex",
  "wessex",
  "unisex",
  "sextant",
  "sexton",
  "sextet",
  "sextuple",
  "sexagen",
  "wankel",
  "niggard",
  "snigger",
  "fagus",
  "twatch",
  "prickly",
  "shitake",
  "reputa",
  "computa",
  "deputa",
  "amputa",
  "disputa",
  "imputa",
  "putative",
  "computo",
  "merdeka",
  "grape",
  "drape",
  "scrape",
  "trapez",
  "rapeseed",
  "analy",
  "canal",
  "banal",
  "titan",
  "constitut",
  "arsenal",
  "button",
  "butter",
  "buttress",
  "glass",
  "class",
  "grass",
  "brass",
  "bass",
  "compass",
  "assist",
  "assess",
  "asset",
  "assum",
  "assur",
  "associat",
  "massage",
  "passage",
  "cassette",
  "embassy",
  "hello",
  "shell",
  "pussycat",
  "pussywillow",
  "spice",
  "matsu",
  "kuntal",
];

/** Profanity and sexual terms matched anywhere in a name (after benign words are removed), by language. */
const SUBSTRINGS: Readonly<Record<string, readonly string[]>> = {
  english: [
    "porn",
    "xxx",
    "nude",
    "milf",
    "hentai",
    "bdsm",
    "incest",
    "pedophil",
    "paedophil",
    "nazi",
    "hitler",
    "kkk",
    "rapist",
    "sex",
    "slut",
    "whore",
    "fuck",
    "shit",
    "cunt",
    "jizz",
    "dildo",
    "horny",
    "orgasm",
    "blowjob",
    "handjob",
    "gangbang",
    "cumshot",
    "boobs",
    "nigger",
    "nigga",
    "faggot",
    "bitch",
    "bastard",
    "wank",
    "twat",
    "pussy",
    "penis",
    "vagina",
    "erotic",
    "camgirl",
    "escortgirl",
    "hooker",
  ],
  spanish: ["mierda", "cabron", "pendejo", "chingad", "culero", "maricon", "gilipollas", "joder", "puta", "puto"],
  french: ["merde", "putain", "salope", "connard", "connasse", "enfoire", "encule"],
  german: ["scheiss", "fotze", "arschloch", "wichser", "ficken", "schlampe", "hurensohn"],
  italian: ["cazzo", "stronzo", "vaffanculo", "puttana", "minchia", "coglion"],
  portuguese: ["caralho", "buceta", "fodase"],
  polish: ["kurwa", "pierdol", "jebac", "chuj"],
  russian: ["blyat", "blyad", "pizdec", "pizda"],
  turkish: ["siktir", "orospu", "amcik"],
  dutch: ["klootzak", "godverdomme", "kanker"],
};

/** Every profane substring with its language, flattened once in declaration order. */
const TERMS: ReadonlyArray<{ readonly word: string; readonly language: string }> = Object.entries(SUBSTRINGS).flatMap(
  ([language, words]) => words.map((word) => ({ word, language })),
);

let benignTrie: SubstringTrie | undefined;
let termTrie: SubstringTrie | undefined;

/** The language whose profanity `name` contains in any substring or word split, or `undefined`. */
export function findProfanity(name: NameParts): string | undefined {
  benignTrie ??= new SubstringTrie(BENIGN);
  termTrie ??= new SubstringTrie(TERMS.map((term) => term.word));
  // The same candidate twice gives the same answer: "brightbakery" is ascii, compact and skeleton at once.
  const candidates = new Set([name.ascii.replace(/-/g, " "), name.compact, ...name.skeletons]);
  for (const candidate of candidates) {
    // Replacing a benign word only removes letters, so a word absent before is absent after.
    let cleaned = candidate;
    for (const at of benignTrie.indicesIn(candidate)) cleaned = cleaned.replaceAll(BENIGN[at]!, "_");
    // The longest match names the language: "putain" is French even though it contains Spanish "puta".
    let best: { language: string; length: number } | undefined;
    for (const at of termTrie.indicesIn(cleaned)) {
      const { word, language } = TERMS[at]!;
      if (word.length > (best?.length ?? 0)) best = { language, length: word.length };
    }
    if (best) return best.language;
    if (englishMatcher().hasMatch(cleaned)) return "english";
  }
  return undefined;
}
