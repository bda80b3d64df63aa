import type { WordNet } from "../../lexicon/WordNet.js";
import { type Random, seededRandom } from "../../stats/random.js";
import { CrossAssociation } from "./CrossAssociation.js";
import { DomainAnalyzer } from "./DomainAnalyzer.js";
import { fitLogistic, standardization, withSquashed } from "./fitLogistic.js";
import { sigmoid } from "./hashing.js";
import { LEXICAL_FEATURE_NAMES, LexicalFeatures } from "./lexicalFeatures.js";
import { NeighbourStyle } from "./NeighbourStyle.js";
import { SectorMatch } from "./SectorMatch.js";
import { type RelevanceExample, trainingPairs } from "./trainingPairs.js";

/** Every feature the relevance combiner weighs, in order. */
export const RELEVANCE_FEATURE_NAMES = [
  ...LEXICAL_FEATURE_NAMES,
  "crossAssociation",
  "neighbourStyle",
  "sectorMatch",
  "reverseNeighbours",
  "eraMatch",
  "tldMatch",
] as const;

interface Learned {
  cross: CrossAssociation;
  neighbours: NeighbourStyle;
  sectors: SectorMatch | undefined;
  eras: SectorMatch | undefined;
  tlds: SectorMatch | undefined;
}

/** Hand-set combiner for the untrained judge (no examples): lexical features only. */
const UNTRAINED_WEIGHTS = [1.7, 2.7, 0.6, 0.9, 1, 0.5, 0, 0, 0, 0, 0, 0];
const UNTRAINED_BIAS = -0.5;

/**
 * Relevance of a domain to a description as a probability-like score in (0, 1): untrained
 * lexical features, plus — when trained on examples — learned associations, neighbours'
 * naming style and sector agreement, combined by a logistic regression fitted on
 * out-of-fold features (stacking), so the combiner never sees a component's own training pairs.
 */
export class RelevanceModel {
  private constructor(
    readonly analyzer: DomainAnalyzer,
    readonly lexical: LexicalFeatures,
    readonly learned: Learned | undefined,
    readonly weights: readonly number[],
    readonly bias: number,
    /** When set, the combiner also sees tanh((x − center) / scale) of every feature (a cheap non-linearity). */
    readonly squash?: { center: readonly number[]; scale: readonly number[] },
  ) {}

  /** A model with only the untrained, deterministic features. */
  static untrained(wordnet: WordNet): RelevanceModel {
    return new RelevanceModel(
      new DomainAnalyzer(wordnet),
      new LexicalFeatures(wordnet),
      undefined,
      UNTRAINED_WEIGHTS,
      UNTRAINED_BIAS,
    );
  }

  /**
   * Trains on real (description, domain) examples. Defaults: 2 stacking folds, 4 negatives
   * per example, seed 1.
   */
  static train(options: {
    wordnet: WordNet;
    examples: readonly RelevanceExample[];
    folds?: number;
    negatives?: number;
    seed?: number;
    signal?: AbortSignal;
    /** Receives the out-of-fold feature rows the combiner is fitted on (for diagnostics). */
    onStackingRows?: (rows: readonly number[][], labels: readonly number[]) => void;
  }): RelevanceModel {
    const { wordnet, examples, folds = 2, negatives = 4, seed = 1, signal } = options;
    const random = seededRandom(seed);
    const analyzer = new DomainAnalyzer(wordnet);
    const lexical = new LexicalFeatures(wordnet);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let fold = 0; fold < folds; fold++) {
      signal?.throwIfAborted();
      const inFold = examples.filter((_, i) => i % folds === fold);
      const learned = trainLearned(
        analyzer,
        examples.filter((_, i) => i % folds !== fold),
        random,
      );
      for (const pair of trainingPairs(inFold, negatives, random)) {
        rows.push(features(analyzer, lexical, learned, pair.description, pair.domain));
        labels.push(pair.label);
      }
    }
    signal?.throwIfAborted();
    options.onStackingRows?.(rows, labels);
    const squash = standardization(rows);
    const { weights, bias } = fitLogistic(
      rows.map((row) => withSquashed(row, squash)),
      labels,
      negatives,
    );
    return new RelevanceModel(analyzer, lexical, trainLearned(analyzer, examples, random), weights, bias, squash);
  }

  /** The raw feature vector (see {@link RELEVANCE_FEATURE_NAMES}). */
  features(description: string, domain: string): number[] {
    return features(this.analyzer, this.lexical, this.learned, description, domain);
  }

  /** Relevance in (0, 1). */
  score(description: string, domain: string): number {
    const raw = this.features(description, domain);
    const x = this.squash ? withSquashed(raw, this.squash) : raw;
    let z = this.bias;
    for (let i = 0; i < x.length; i++) z += (this.weights[i] as number) * (x[i] as number);
    return sigmoid(z);
  }
}

function trainLearned(analyzer: DomainAnalyzer, examples: readonly RelevanceExample[], random: Random): Learned {
  return {
    cross: CrossAssociation.train({ analyzer, examples, random }),
    neighbours: new NeighbourStyle(analyzer, examples),
    sectors: SectorMatch.train({ analyzer, examples, random }),
    eras: SectorMatch.train({ analyzer, examples, random, classOf: (e) => e.era }),
    tlds: SectorMatch.train({ analyzer, examples, random, classOf: (e) => tldClass(e.domain) }),
  };
}

function features(
  analyzer: DomainAnalyzer,
  lexical: LexicalFeatures,
  learned: Learned | undefined,
  description: string,
  domain: string,
): number[] {
  const d = analyzer.description(description);
  const m = analyzer.domain(domain);
  const base = lexical.compute(d, m);
  if (!learned) return [...base, 0, 0, 0, 0, 0, 0];
  return [
    ...base,
    learned.cross.score(d, m),
    10 * learned.neighbours.score(d, m),
    learned.sectors?.score(d, m) ?? 0,
    10 * learned.neighbours.reverseScore(d, m),
    learned.eras?.score(d, m) ?? 0,
    learned.tlds?.score(d, m) ?? 0,
  ];
}

const COMMON_TLDS = new Set([
  "com",
  "ai",
  "io",
  "co",
  "dev",
  "app",
  "org",
  "so",
  "in",
  "bio",
  "tech",
  "health",
  "xyz",
  "us",
  "net",
]);

/** The TLD as a latent class; rare TLDs share one class. */
function tldClass(domain: string): string {
  const tld = domain.slice(domain.indexOf(".") + 1);
  return COMMON_TLDS.has(tld) ? tld : "other";
}
