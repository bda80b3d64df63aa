import { readFileSync } from "node:fs";
// Type-only: the list is read on first use (320 kB of JSON a cold `checkInput` never needs), and
// this import still has tsc copy it into dist.
import type brandData from "../data/brands.json";
import { BrandDataError } from "../errors.js";
import { FAMOUS_MARKS } from "./famousMarks.js";

/** One protected mark: `mark` is normalized (lower-case ASCII letters and digits). */
export interface Brand {
  readonly mark: string;
  readonly title: string;
  /** An ordinary word or name too ("apple", "notion"): only look-alikes and phishing combinations are blocked. */
  readonly generic: boolean;
  /** English words one edit away from the mark, which are not typosquats ("sigma" for Figma). */
  readonly nearWords?: readonly string[];
}

/**
 * Marks too short or too ordinary as name fragments to block inside a longer name ("hyper-fitness",
 * "mega-deals"); an exact match still counts.
 */
const FRAGMENT_ONLY = new Set([
  "hyper",
  "mega",
  "nano",
  "poly",
  "files",
  "loops",
  "minds",
  "remix",
  "astro",
  "astra",
  "auth0",
  "boots",
  "hey",
  "quad9",
  "dash0",
  "folo",
  "fing",
  "kred",
  "smrt",
  "bento",
  "lucia",
  "julia",
  "kirby",
  "otto",
  "pond5",
  "sensu",
  "spond",
  "starz",
  "hevy",
  "nette",
]);

export interface BrandIndex {
  readonly byMark: ReadonlyMap<string, Brand>;
  /** Marks long and distinctive enough to be looked for inside longer names and one edit away. */
  readonly embeddable: readonly Brand[];
  /** Single-deletion keys → brands, for edit-distance-1 lookups. */
  readonly deletions: ReadonlyMap<string, readonly Brand[]>;
}

let index: BrandIndex | undefined;

/** The brand list (generated from simple-icons, plus famous banks, retailers and agencies), indexed once. */
export function brandIndex(): BrandIndex {
  if (index) return index;
  const brands: unknown = JSON.parse(
    readFileSync(new URL("../data/brands.json", import.meta.url), "utf8"),
  ) as typeof brandData;
  if (!Array.isArray(brands) || brands.some((b) => typeof b?.mark !== "string" || typeof b?.generic !== "boolean")) {
    throw new BrandDataError("src/data/brands.json is not an array of brands");
  }
  const famous = new Set(FAMOUS_MARKS);
  const byMark = new Map<string, Brand>();
  for (const brand of brands as Brand[]) byMark.set(brand.mark, brand);
  const embeddable = [...byMark.values()].filter(
    (b) => !FRAGMENT_ONLY.has(b.mark) && (famous.has(b.mark) ? b.mark.length >= 3 : b.mark.length >= 5),
  );
  const deletions = new Map<string, Brand[]>();
  for (const brand of embeddable) {
    // Typosquats of famous marks from five letters; of other marks only from seven, where one edit
    // rarely lands on another real name ("steem" is one edit from "streem", "sanic" from "senic").
    if (brand.generic || brand.mark.length < (famous.has(brand.mark) ? 5 : 7)) continue;
    for (const key of deletionKeys(brand.mark)) {
      const list = deletions.get(key);
      if (list) list.push(brand);
      else deletions.set(key, [brand]);
    }
  }
  index = { byMark, embeddable, deletions };
  return index;
}

/** The word and each of its single-character deletions. */
export function deletionKeys(word: string): string[] {
  return [word, ...[...word].map((_, i) => word.slice(0, i) + word.slice(i + 1))];
}
