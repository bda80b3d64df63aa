import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { BlacklistedTerm, RegExpMatcher } from "obscenity";
import { obscenity } from "../obscenity.js";

type Obscenity = typeof import("obscenity");

/** What `DataSet#build()` returns: the matcher's terms, plain data that survives JSON. */
export interface SlurDataset {
  readonly blacklistedTerms: BlacklistedTerm[];
  readonly whitelistedTerms?: string[];
}

/** obscenity's English phrases whose original word is one of `slurWords` (what the build stores). */
export function buildSlurDataset(slurWords: readonly string[]): SlurDataset {
  const { DataSet, englishDataset } = obscenity();
  const words = new Set(slurWords);
  return new DataSet<{ originalWord: string }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => !words.has(phrase.metadata?.originalWord ?? ""))
    .build();
}

/**
 * obscenity's `RegExpMatcher` over a prebuilt slur dataset, with the English preset's recommended
 * transformers. Loading obscenity's index also evaluates its English preset, which parses some 170
 * patterns (about half of obscenity's load time); a cold `checkInput` only needs the matcher and
 * four transformers, so those modules are loaded on their own and the transformers are set up as
 * the preset does (obscenity 0.4.6, `preset/english.js`; a test checks the answers are the same as
 * with the preset's). With another layout of obscenity it falls back to the whole package.
 */
export function slurMatcher(dataset: SlurDataset): RegExpMatcher {
  const lean = leanObscenity();
  if (!lean) return new (obscenity().RegExpMatcher)({ ...dataset, ...obscenity().englishRecommendedTransformers });
  return new lean.RegExpMatcher({
    ...dataset,
    blacklistMatcherTransformers: [
      lean.resolveConfusablesTransformer(),
      lean.resolveLeetSpeakTransformer(),
      lean.toAsciiLowerCaseTransformer(),
      lean.collapseDuplicatesTransformer({
        defaultThreshold: 1,
        customThresholds: new Map([
          ["b", 2],
          ["e", 2],
          ["o", 2],
          ["l", 2],
          ["s", 2],
          ["g", 2],
        ]),
      }),
    ],
    whitelistMatcherTransformers: [
      lean.toAsciiLowerCaseTransformer(),
      lean.collapseDuplicatesTransformer({
        defaultThreshold: Number.POSITIVE_INFINITY,
        customThresholds: new Map([[" ", 1]]),
      }),
    ],
  });
}

type LeanObscenity = Pick<
  Obscenity,
  | "RegExpMatcher"
  | "collapseDuplicatesTransformer"
  | "resolveConfusablesTransformer"
  | "resolveLeetSpeakTransformer"
  | "toAsciiLowerCaseTransformer"
>;

/** obscenity's matcher and transformer modules, without its index (and so without the presets). */
export function leanObscenity(): LeanObscenity | undefined {
  const require = createRequire(import.meta.url);
  try {
    const root = dirname(require.resolve("obscenity"));
    const part = (path: string) => require(join(root, path)) as Partial<LeanObscenity>;
    return {
      RegExpMatcher: part("matcher/regexp/RegExpMatcher.js").RegExpMatcher!,
      collapseDuplicatesTransformer: part("transformer/collapse-duplicates/index.js").collapseDuplicatesTransformer!,
      resolveConfusablesTransformer: part("transformer/resolve-confusables/index.js").resolveConfusablesTransformer!,
      resolveLeetSpeakTransformer: part("transformer/resolve-leetspeak/index.js").resolveLeetSpeakTransformer!,
      toAsciiLowerCaseTransformer: part("transformer/to-ascii-lowercase/index.js").toAsciiLowerCaseTransformer!,
    };
  } catch {
    return undefined;
  }
}
