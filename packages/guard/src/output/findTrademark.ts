import { GENERIC_AFFIXES, PHISHING_WORDS, STRONG_PHISHING_WORDS, splitWords } from "./affixes.js";
import { type Brand, brandIndex } from "./brandIndex.js";
import { DeletionLookup } from "./deletionLookup.js";
import { editDistance } from "./editDistance.js";
import type { NameParts } from "./nameLabel.js";
import { SubstringTrie } from "./substringTrie.js";

/** Why a name was dropped by the output filter. */
export interface FilterHit {
  readonly rule: string;
  readonly reason: string;
}

const AFFIXES = new Set([...GENERIC_AFFIXES, ...PHISHING_WORDS]);
const PHISHING = new Set(PHISHING_WORDS);
const STRONG = new Set(STRONG_PHISHING_WORDS);

let embeddableTrie: SubstringTrie | undefined;
let deletionLookup: DeletionLookup | undefined;

/**
 * Famous marks and their look-alikes in a name: the exact mark, homoglyph/leetspeak skeletons,
 * repeated letters, one-edit typosquats (not when the label is an ordinary word one edit away),
 * and mark + generic word. Generic marks ("apple") are blocked only as look-alikes or with
 * phishing words ("apple-id-verify").
 */
export function findTrademark(name: NameParts): FilterHit | undefined {
  const { byMark } = brandIndex();
  const raw = name.compact;
  const exact = byMark.get(raw);
  if (exact && !exact.generic) return hit("trademark/exact", `is the trademark "${exact.title}"`);
  for (const skeleton of name.skeletons) {
    const lookalike = byMark.get(skeleton);
    if (skeleton !== raw && lookalike) {
      return hit("trademark/lookalike", `looks like the trademark "${lookalike.title}" (look-alike characters)`);
    }
  }
  for (const candidate of new Set([raw, ...name.skeletons, ...name.tokens])) {
    const squat = typosquatOf(candidate);
    if (squat) return hit("trademark/typosquat", `is one typo away from the trademark "${squat.title}"`);
  }
  return markWithWords(name);
}

function typosquatOf(candidate: string): Brand | undefined {
  if (candidate.length < 5) return undefined;
  const { deletions, byMark } = brandIndex();
  if (byMark.has(candidate)) return undefined;
  // The keys of deletionKeys(candidate) that may be in the index, without building the others.
  deletionLookup ??= new DeletionLookup(deletions.keys());
  for (const key of deletionLookup.candidates(candidate, codePointCount(candidate))) {
    const brands = deletions.get(key);
    if (!brands) continue;
    for (const brand of brands) {
      if (brand.nearWords?.includes(candidate)) continue;
      if (editDistance(candidate, brand.mark, 1) === 1) return brand;
    }
  }
  const squeezed = candidate.replace(/(.)\1+/g, "$1");
  if (squeezed === candidate) return undefined;
  for (const brand of deletions.get(squeezed) ?? []) {
    if (brand.nearWords?.includes(candidate)) continue;
    if (brand.mark.replace(/(.)\1+/g, "$1") === squeezed && brand.mark !== candidate) return brand;
  }
  return undefined;
}

function markWithWords(name: NameParts): FilterHit | undefined {
  const { embeddable } = brandIndex();
  embeddableTrie ??= new SubstringTrie(embeddable.map((brand) => brand.mark));
  for (const text of new Set([name.compact, ...name.skeletons])) {
    // Only the marks that occur in the text, in list order: the first that applies decides.
    for (const at of embeddableTrie.indicesIn(text)) {
      const brand = embeddable[at]!;
      if (text === brand.mark) continue;
      const start = text.indexOf(brand.mark);
      const prefix = text.slice(0, start);
      const suffix = text.slice(start + brand.mark.length);
      const before = splitWords(prefix, AFFIXES);
      const after = splitWords(suffix, AFFIXES);
      const words = before && after ? [...before, ...after] : undefined;
      if (brand.generic) {
        if (words?.some((word) => STRONG.has(word))) {
          return hit(
            "impersonation/brand-support",
            `uses the trademark "${brand.title}" with account or support words`,
          );
        }
        continue;
      }
      const tokenMatch = name.tokens.includes(brand.mark) && name.tokens.length > 1;
      if (tokenMatch || words) {
        if (words?.some((word) => PHISHING.has(word))) {
          return hit(
            "impersonation/brand-support",
            `uses the trademark "${brand.title}" with account or support words`,
          );
        }
        return hit("trademark/brand-plus-word", `combines the trademark "${brand.title}" with other words`);
      }
    }
  }
  return undefined;
}

/** `[...text].length` without the array (deletionKeys counts code points but slices code units). */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

function hit(rule: string, reason: string): FilterHit {
  return { rule, reason };
}
