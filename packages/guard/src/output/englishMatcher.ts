import { obscenity } from "../obscenity.js";

/** What `RegExpMatcher` (obscenity 0.4.6) keeps privately; read only to build the pre-check below. */
interface MatcherInternals {
  readonly blacklistedTerms?: ReadonlyArray<{ readonly regExp?: unknown }>;
  readonly blacklistMatcherTransformers?: unknown;
  applyTransformers?(input: string, transformers: unknown): [number[], string];
}

/** Whether text may contain English profanity (obscenity's English dataset and transformers). */
export interface EnglishMatcher {
  hasMatch(text: string): boolean;
}

let cached: EnglishMatcher | undefined;

/**
 * obscenity's English matcher with a pre-check: `hasMatch` runs every term's regular expression
 * through `matchAll` (a copied RegExp each), which made it the filter's costliest step. One
 * alternation of all terms over the same transformed text fails exactly when every term fails, so
 * only texts it matches go to `hasMatch` (which also applies the whitelist). Without the internals
 * (another obscenity version) the pre-check is skipped and the answers stay the same.
 */
export function englishMatcher(): EnglishMatcher {
  if (cached) return cached;
  const { englishDataset, englishRecommendedTransformers, RegExpMatcher } = obscenity();
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const internals = matcher as unknown as MatcherInternals;
  const sources = internals.blacklistedTerms?.map((term) => (term.regExp instanceof RegExp ? term.regExp : undefined));
  const transform = internals.applyTransformers;
  if (!sources?.length || sources.some((r) => r?.flags !== "gs") || typeof transform !== "function") {
    cached = matcher;
    return cached;
  }
  const anyTerm = new RegExp(sources.map((r) => `(?:${r!.source})`).join("|"), "s");
  const transformers = internals.blacklistMatcherTransformers;
  cached = {
    hasMatch: (text) => anyTerm.test(transform.call(matcher, text, transformers)[1]) && matcher.hasMatch(text),
  };
  return cached;
}
