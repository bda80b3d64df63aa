import type { Rng } from "../random/Rng.js";
import type { Language } from "./brief.js";

/** Requirements stated in the description that every target domain obeys. */
export interface Constraints {
  noHyphens?: boolean;
  noNumbers?: boolean;
  /** Allowed TLDs (without the dot). */
  tldOnly?: string[];
  /** Longest second-level label, in characters. */
  maxLength?: number;
  /** A word every label contains. */
  mustInclude?: string;
}

const INCLUDE_WORDS =
  "green|blue|happy|bright|nova|true|hub|joy|zen|local|wild|fresh|go|star|sun|bee|fox|pixel|lucky|urban".split("|");
const SHORT_TLDS = ["com", "io", "co", "app", "shop", "dev", "net", "org", "studio", "cafe"];

/** Draws 1–2 constraints, each consistent with the others. */
export function drawConstraints(rng: Rng, localTld?: string): Constraints {
  const constraints: Constraints = {};
  const count = rng.chance(0.25) ? 2 : 1;
  const kinds = rng.shuffle(["noHyphens", "noNumbers", "tldOnly", "maxLength", "mustInclude"] as const).slice(0, count);
  for (const kind of kinds) {
    if (kind === "noHyphens") constraints.noHyphens = true;
    else if (kind === "noNumbers") constraints.noNumbers = true;
    else if (kind === "tldOnly")
      constraints.tldOnly =
        localTld && rng.chance(0.3) ? [localTld] : rng.chance(0.15) ? ["com", "io"] : [rng.pick(SHORT_TLDS)];
    else if (kind === "maxLength") constraints.maxLength = rng.int(6, 14);
    else constraints.mustInclude = rng.pick(INCLUDE_WORDS);
  }
  if (constraints.mustInclude && constraints.maxLength) constraints.maxLength = Math.max(constraints.maxLength, 10);
  return constraints;
}

type Phrases = Record<keyof Constraints, (value: string) => string[]>;

const PHRASES: Record<Language, Phrases> = {
  en: {
    noHyphens: () => ["No hyphens.", "no hyphens please", "Without dashes!", "I hate hyphens, none please."],
    noNumbers: () => ["No numbers.", "no digits in the name", "Please avoid numbers."],
    tldOnly: (t) => [`Only ${t} domains.`, `short ${t} only`, `${t} only please`, `It must be a ${t} domain.`],
    maxLength: (n) => [
      `Keep it under ${Number(n) + 1} letters.`,
      `max ${n} characters before the dot`,
      `${n} chars max.`,
    ],
    mustInclude: (w) => [`Must include '${w}'.`, `The name has to contain the word "${w}".`, `must include ${w}`],
  },
  es: {
    noHyphens: () => ["Sin guiones.", "sin guiones por favor"],
    noNumbers: () => ["Sin números.", "nada de números"],
    tldOnly: (t) => [`Solo dominios ${t}.`, `solo ${t}`],
    maxLength: (n) => [`Máximo ${n} caracteres antes del punto.`],
    mustInclude: (w) => [`Debe incluir '${w}'.`, `que contenga la palabra "${w}"`],
  },
  fr: {
    noHyphens: () => ["Sans tirets.", "pas de tirets svp"],
    noNumbers: () => ["Sans chiffres.", "pas de chiffres"],
    tldOnly: (t) => [`Uniquement des domaines ${t}.`, `seulement ${t}`],
    maxLength: (n) => [`${n} caractères maximum avant le point.`],
    mustInclude: (w) => [`Doit contenir '${w}'.`, `avec le mot "${w}"`],
  },
  de: {
    noHyphens: () => ["Ohne Bindestriche.", "bitte keine Bindestriche"],
    noNumbers: () => ["Ohne Zahlen.", "keine Ziffern bitte"],
    tldOnly: (t) => [`Nur ${t}-Domains.`, `nur ${t}`],
    maxLength: (n) => [`Maximal ${n} Zeichen vor dem Punkt.`],
    mustInclude: (w) => [`Muss '${w}' enthalten.`, `mit dem Wort "${w}"`],
  },
};

/** The sentences that state the constraints, in the description's language. */
export function constraintText(constraints: Constraints, language: Language, rng: Rng): string[] {
  const phrases = PHRASES[language];
  const out: string[] = [];
  if (constraints.noHyphens) out.push(rng.pick(phrases.noHyphens("")));
  if (constraints.noNumbers) out.push(rng.pick(phrases.noNumbers("")));
  if (constraints.tldOnly) out.push(rng.pick(phrases.tldOnly(constraints.tldOnly.map((t) => `.${t}`).join(" or "))));
  if (constraints.maxLength) out.push(rng.pick(phrases.maxLength(String(constraints.maxLength))));
  if (constraints.mustInclude) out.push(rng.pick(phrases.mustInclude(constraints.mustInclude)));
  return out;
}
