import type { applyEvasions as ApplyEvasions } from "../src/applyEvasions.js";
import affixes from "../src/data/affixes.json" with { type: "json" };
import brands from "../src/data/brands.json" with { type: "json" };
import { GOVERNMENT_MARKS } from "../src/output/famousMarks.js";

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const ORDINARY =
  "bright lunar green swift blue river stone oak maple cedar harbor golden silver coral ember north urban sunny cloud spark bloom leaf seed field meadow valley summit peak ocean tide wave shore island bay creek lake rain storm snow breeze fire glow light dawn dusk star moon sun sky orbit nova pixel byte code data logic mind smart wise quick fast bold true pure fresh clean simple happy cozy warm home nest hive den cabin house studio works lab forge mill craft maker stack block path road trail bridge gate key vault safe shield care kind heart soul zen calm haven garden grove farm market shop store cart box kit tool gear wheel drive ride fleet cargo post mail note book story song beat bakery bistro cafe kitchen spice honey cocoa coffee tea brew bean bread cake cookie treat dish cup glass vine grape berry apple peach plum lemon mango olive basil mint sage rose lily fern ivy willow".split(
    " ",
  );
const PROFANE = [
  "porn",
  "xxx",
  "nude",
  "milf",
  "sex",
  "slut",
  "fuck",
  "shit",
  "cunt",
  "dildo",
  "horny",
  "boobs",
  "bitch",
  "wank",
  "twat",
  "pussy",
  "penis",
  "erotic",
  "hooker",
  "mierda",
  "puta",
  "putain",
  "merde",
  "scheiss",
  "cazzo",
  "caralho",
  "kurwa",
  "blyat",
  "siktir",
  "kanker",
  "ass",
  "cock",
  "dick",
  "cum",
  "anal",
  "rape",
  "tits",
  "crap",
  "damn",
  "piss",
];
const BENIGN = [
  "scunthorpe",
  "therapist",
  "cumin",
  "cucumber",
  "document",
  "cocktail",
  "peacock",
  "dickens",
  "essex",
  "sextant",
  "grape",
  "analytics",
  "canal",
  "titan",
  "arsenal",
  "button",
  "glass",
  "class",
  "assist",
  "asset",
  "massage",
  "hello",
  "shell",
  "spice",
  "computation",
  "reputation",
  "merdeka",
  "shitake",
  "cockpit",
  "sussex",
  "bass",
];
const TLDS = ["com", "io", "co", "shop", "app", "net", "co.uk", "com.br", "ai", "dev"];
const LEET: Record<string, string> = { o: "0", i: "1", l: "1", e: "3", a: "4", s: "5", t: "7", g: "9", b: "8" };
const GLYPHS: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043e", p: "\u0440", c: "\u0441", i: "\u0456" };

/**
 * Names beyond the dataset's targets that exercise every rule: each brand exact, with affixes and
 * phishing words, typos, leetspeak, look-alike Unicode, inside words; profanity and Scunthorpe
 * near-misses; government and phishing patterns; ordinary two-word names; evasions of all of them.
 */
export function verdictNames(applyEvasions: typeof ApplyEvasions): string[] {
  const next = random(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const tld = () => pick(TLDS);
  const words = [...affixes.genericAffixes, ...affixes.phishingWords, ...ORDINARY];
  const names: string[] = [];
  for (const { mark } of brands as Array<{ mark: string }>) {
    const at = Math.floor(next() * mark.length);
    const swap = at + 1 < mark.length ? mark.slice(0, at) + mark[at + 1] + mark[at] + mark.slice(at + 2) : mark;
    names.push(
      `${mark}.${tld()}`,
      `${mark}${pick(words)}.${tld()}`,
      `${pick(words)}${mark}.${tld()}`,
      `${mark}-${pick(affixes.phishingWords)}.${tld()}`,
      `${pick(ORDINARY)}-${mark}.${tld()}`,
      `${swap}.${tld()}`,
      `${mark.slice(0, at)}${mark.slice(at + 1)}.${tld()}`,
      `${mark.slice(0, at)}${mark[at]}${mark.slice(at)}.${tld()}`,
      `${mark.replace(/[oilesatgb]/, (c) => LEET[c]!)}.${tld()}`,
      `${mark.replace(/[aeopci]/, (c) => GLYPHS[c]!)}${pick(["", "-login", "shop"])}.${tld()}`,
      `${pick(ORDINARY)}${mark}${pick(ORDINARY)}.${tld()}`,
    );
  }
  for (const word of [...PROFANE, ...BENIGN]) {
    names.push(`${word}.${tld()}`, `${pick(ORDINARY)}${word}.${tld()}`, `${word}-${pick(ORDINARY)}.${tld()}`);
    names.push(`${word.replace(/[oilesatgb]/g, (c) => LEET[c]!)}${pick(ORDINARY)}.${tld()}`);
    names.push(`${pick(BENIGN)}${word}${pick(ORDINARY)}.${tld()}`);
  }
  for (const mark of GOVERNMENT_MARKS) {
    names.push(`${mark}.${tld()}`, `${mark}-${pick(words)}.${tld()}`, `${pick(words)}${mark}.${tld()}`);
    names.push(`${pick(ORDINARY)}gov.${tld()}`, `${pick(ORDINARY)}-${mark}${pick(ORDINARY)}.${tld()}`);
  }
  const institutions = ["bank", "wallet", "account", "billing", "card", "tax", "refund", "parcel", "toll"];
  const credentials = ["login", "verify", "secure", "unlock", "reset", "password", "confirm", "otp", "locked"];
  for (let i = 0; i < 400; i++) {
    names.push(
      `${pick(institutions)}${pick(["", "-"])}${pick(credentials)}${pick(["", `-${pick(ORDINARY)}`])}.${tld()}`,
    );
  }
  for (let i = 0; i < 6000; i++) {
    const a = pick(ORDINARY);
    const b = pick(ORDINARY);
    names.push(i % 3 === 0 ? `${a}-${b}.${tld()}` : `${a}${b}.${tld()}`);
  }
  const evaded = names
    .filter((_, i) => i % 7 === 0)
    .map((name, i) => {
      const [label, ...rest] = name.split(".");
      return `${applyEvasions(label!, { seed: i + 1, kinds: ["leetspeak", "fullwidth", "confusables", "repeat-letters", "case"] })}.${rest.join(".")}`;
    });
  const edge = [
    "",
    "  ",
    ".",
    "com",
    "xn--80ak6aa92e.com",
    "mail.google.com",
    "shop.co.uk",
    "ＧＯＯＧＬＥ.com",
    "a.b.c.d.e",
  ];
  return [...names, ...evaded, ...edge];
}
