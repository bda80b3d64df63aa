import { GENERIC_AFFIXES, PHISHING_WORDS, STRONG_PHISHING_WORDS, splitWords } from "./affixes.js";
import { type Brand, brandIndex, deletionKeys } from "./brandIndex.js";
import { editDistance } from "./editDistance.js";
import type { NameParts } from "./nameLabel.js";

/** Why a name was dropped by the output filter. */
export interface FilterHit {
  readonly rule: string;
  readonly reason: string;
}

const AFFIXES = new Set([...GENERIC_AFFIXES, ...PHISHING_WORDS]);
const PHISHING = new Set(PHISHING_WORDS);
const STRONG = new Set(STRONG_PHISHING_WORDS);

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
  const squeezed = candidate.replace(/(.)\1+/g, "$1");
  for (const key of deletionKeys(candidate)) {
    for (const brand of deletions.get(key) ?? []) {
      if (brand.nearWords?.includes(candidate)) continue;
      if (editDistance(candidate, brand.mark, 1) === 1) return brand;
    }
  }
  if (squeezed === candidate) return undefined;
  for (const brand of deletions.get(squeezed) ?? []) {
    if (brand.nearWords?.includes(candidate)) continue;
    if (brand.mark.replace(/(.)\1+/g, "$1") === squeezed && brand.mark !== candidate) return brand;
  }
  return undefined;
}

function markWithWords(name: NameParts): FilterHit | undefined {
  const { embeddable } = brandIndex();
  for (const text of new Set([name.compact, ...name.skeletons])) {
    for (const brand of embeddable) {
      const at = text.indexOf(brand.mark);
      if (at < 0 || text === brand.mark) continue;
      const prefix = text.slice(0, at);
      const suffix = text.slice(at + brand.mark.length);
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

function hit(rule: string, reason: string): FilterHit {
  return { rule, reason };
}
