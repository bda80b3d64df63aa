import { InvalidSampleError } from "../../errors.js";
import type { WordNet } from "../../lexicon/WordNet.js";
import { defaultWordVectors, type WordVectors } from "../../lexicon/WordVectors.js";
import { type Random, seededRandom } from "../../stats/random.js";
import { type Progress, runSteps, runStepsAsync, type Steps } from "../../steps.js";
import { CrossAssociation, type CrossAssociationJson } from "./CrossAssociation.js";
import { DomainAnalyzer } from "./DomainAnalyzer.js";
import { EmbeddingMatch, type EmbeddingMatchJson } from "./EmbeddingMatch.js";
import { fitLogistic, fitRanking, standardization, withSquashed } from "./fitLogistic.js";
import { sigmoid } from "./hashing.js";
import { LEXICAL_FEATURE_NAMES, LexicalFeatures } from "./lexicalFeatures.js";
import { NeighbourStyle } from "./NeighbourStyle.js";
import { SectorMatch, type SectorMatchJson } from "./SectorMatch.js";
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
  "coarseSectorMatch",
  "sectorByNameWords",
  "coarseByNameWords",
  "embeddingMatch",
] as const;

/** Latent-class matches beyond sector, era and TLD (the coarse sector), saved under `learned.latent`. */
const EXTRA_LATENT = ["coarse"] as const;
type ExtraLatent = (typeof EXTRA_LATENT)[number];

interface Learned {
  cross: CrossAssociation;
  neighbours: NeighbourStyle;
  sectors: SectorMatch | undefined;
  eras: SectorMatch | undefined;
  tlds: SectorMatch | undefined;
  coarse?: SectorMatch | undefined;
  embedding?: EmbeddingMatch | undefined;
}

/** Bumped whenever training or features change, so cached models from older code are not reused. */
export const RELEVANCE_MODEL_FORMAT = 4;

/** A trained {@link RelevanceModel} as plain JSON ({@link RelevanceModel.toJSON}). */
export interface RelevanceModelJson {
  format: number;
  weights: number[];
  bias: number;
  squash?: { center: number[]; scale: number[] };
  learned?: {
    /** The reference examples the neighbour features search (rebuilt on load; deterministic). */
    examples: RelevanceExample[];
    neighbours: number;
    cross: CrossAssociationJson;
    sectors?: SectorMatchJson;
    eras?: SectorMatchJson;
    tlds?: SectorMatchJson;
    /** The extra latent-class matches (the coarse sector), by name. */
    latent?: Partial<Record<ExtraLatent, SectorMatchJson>>;
    embedding?: EmbeddingMatchJson;
  };
}

/** Options of {@link RelevanceModel.train}. */
export interface RelevanceTrainOptions {
  wordnet: WordNet;
  examples: readonly RelevanceExample[];
  /** Word vectors for the embedding match. Defaults to the shipped table ({@link defaultWordVectors}). */
  vectors?: WordVectors;
  /** Stacking folds. Defaults to 2. */
  folds?: number;
  /** Shuffled negatives per example. Defaults to 4. */
  negatives?: number;
  /** Defaults to 1. */
  seed?: number;
  signal?: AbortSignal;
  /** Receives the out-of-fold feature rows the combiner is fitted on (for diagnostics). */
  onStackingRows?: (rows: readonly number[][], labels: readonly number[]) => void;
}

/** The private constructor, for the training steps outside the class (set in its static block). */
let construct: (
  analyzer: DomainAnalyzer,
  lexical: LexicalFeatures,
  learned: Learned | undefined,
  weights: readonly number[],
  bias: number,
  squash?: { center: readonly number[]; scale: readonly number[] },
) => RelevanceModel;

/** Feature rows computed between two event-loop yields while training asynchronously. */
const ROWS_PER_STEP = 500;

/** Zeros for the learned features of a model trained on nothing. */
const UNLEARNED = new Array<number>(RELEVANCE_FEATURE_NAMES.length - LEXICAL_FEATURE_NAMES.length).fill(0);

/** Hand-set combiner for the untrained judge (no examples): lexical features only. */
const UNTRAINED_WEIGHTS = [1.7, 2.7, 0.6, 0.9, 1, 0.5, ...UNLEARNED];
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

  static {
    construct = (...args) => new RelevanceModel(...args);
  }

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
   * Trains on real (description, domain) examples, synchronously (blocks the event loop for
   * 30 s+ on the full file; `signal` is checked between steps). Prefer {@link trainAsync} in
   * interactive code. Defaults: 2 stacking folds, 4 negatives per example, seed 1.
   */
  static train(options: RelevanceTrainOptions): RelevanceModel {
    return runSteps(trainSteps(options), options.signal);
  }

  /**
   * {@link train} that yields to the event loop between steps (every component and every 500
   * feature rows), reporting progress and checking `signal` there: rejects with
   * `EvaluationAbortedError` soon after an abort. Same result as {@link train} for the same seed.
   */
  static trainAsync(
    options: RelevanceTrainOptions & { onProgress?: (progress: Progress) => void },
  ): Promise<RelevanceModel> {
    return runStepsAsync(trainSteps(options), options);
  }

  /** The trained model as JSON; {@link fromJSON} restores a model that scores identically. */
  toJSON(): RelevanceModelJson {
    const { learned } = this;
    return {
      format: RELEVANCE_MODEL_FORMAT,
      weights: [...this.weights],
      bias: this.bias,
      ...(this.squash ? { squash: { center: [...this.squash.center], scale: [...this.squash.scale] } } : {}),
      ...(learned
        ? {
            learned: {
              examples: [...learned.neighbours.examples],
              neighbours: learned.neighbours.neighbours,
              cross: learned.cross.toJSON(),
              ...(learned.sectors ? { sectors: learned.sectors.toJSON() } : {}),
              ...(learned.eras ? { eras: learned.eras.toJSON() } : {}),
              ...(learned.tlds ? { tlds: learned.tlds.toJSON() } : {}),
              latent: Object.fromEntries(
                EXTRA_LATENT.flatMap((name) => (learned[name] ? [[name, learned[name].toJSON()]] : [])),
              ),
              ...(learned.embedding ? { embedding: learned.embedding.toJSON() } : {}),
            },
          }
        : {}),
    };
  }

  /** Restores a model saved by {@link toJSON}; throws `InvalidSampleError` on another format. */
  static fromJSON(json: RelevanceModelJson, wordnet: WordNet, vectors?: WordVectors): RelevanceModel {
    if (json?.format !== RELEVANCE_MODEL_FORMAT || !Array.isArray(json.weights))
      throw new InvalidSampleError(
        `Saved relevance model has format ${String(json?.format)}, expected ${RELEVANCE_MODEL_FORMAT}. Hint: retrain it (delete the cache file).`,
      );
    const analyzer = new DomainAnalyzer(wordnet);
    const saved = json.learned;
    const learned: Learned | undefined = saved && {
      cross: CrossAssociation.fromJSON(analyzer, saved.cross),
      neighbours: new NeighbourStyle(analyzer, saved.examples, saved.neighbours),
      sectors: saved.sectors && SectorMatch.fromJSON(analyzer, saved.sectors),
      eras: saved.eras && SectorMatch.fromJSON(analyzer, saved.eras),
      tlds: saved.tlds && SectorMatch.fromJSON(analyzer, saved.tlds),
      embedding: saved.embedding && EmbeddingMatch.fromJSON(analyzer, vectors ?? defaultWordVectors(), saved.embedding),
      ...Object.fromEntries(
        EXTRA_LATENT.flatMap((name) => {
          const json = saved.latent?.[name];
          return json ? [[name, SectorMatch.fromJSON(analyzer, json)]] : [];
        }),
      ),
    };
    return new RelevanceModel(analyzer, new LexicalFeatures(wordnet), learned, json.weights, json.bias, json.squash);
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

export function* trainSteps(options: RelevanceTrainOptions): Steps<RelevanceModel> {
  const { wordnet, examples, folds = 2, negatives = 4, seed = 1 } = options;
  const vectors = options.vectors ?? defaultWordVectors();
  const random = seededRandom(seed);
  const analyzer = new DomainAnalyzer(wordnet);
  const lexical = new LexicalFeatures(wordnet);
  const rows: number[][] = [];
  const labels: number[] = [];
  const groupOf: number[] = [];
  const total = folds + 1;
  for (let fold = 0; fold < folds; fold++) {
    yield { phase: "relevance: training fold components", done: fold, total };
    const inFold = examples.filter((_, i) => i % folds === fold);
    const learned = yield* trainLearnedSteps(
      analyzer,
      examples.filter((_, i) => i % folds !== fold),
      random,
      vectors,
    );
    for (const pair of trainingPairs(inFold, negatives, random)) {
      rows.push(features(analyzer, lexical, learned, pair.description, pair.domain));
      labels.push(pair.label);
      groupOf.push(fold * examples.length + pair.example);
      if (rows.length % ROWS_PER_STEP === 0) yield { phase: "relevance: out-of-fold features", done: fold, total };
    }
  }
  yield { phase: "relevance: fitting the combiner", done: folds, total };
  options.onStackingRows?.(rows, labels);
  const squash = standardization(rows);
  const squashed = rows.map((row) => withSquashed(row, squash));
  // The combiner ranks each example's real pair against its shuffled ones (the validation task); Platt
  // scaling then makes the score a probability again. Same CV AUC as a pointwise logistic fit (0.7010 vs 0.7008).
  const { weights, bias } = calibrated(fitRanking(groupRows(squashed, groupOf)), squashed, labels, negatives);
  yield { phase: "relevance: training on all examples", done: folds, total };
  const learned = yield* trainLearnedSteps(analyzer, examples, random, vectors);
  yield { phase: "relevance: trained", done: total, total };
  return construct(analyzer, lexical, learned, weights, bias, squash);
}

/** {@link trainLearned} with a checkpoint between components (each takes seconds on the full file). */
function* trainLearnedSteps(
  analyzer: DomainAnalyzer,
  examples: readonly RelevanceExample[],
  random: Random,
  vectors: WordVectors,
): Generator<Progress, Learned, void> {
  const phase = "relevance: training components";
  const total = 7;
  const cross = CrossAssociation.train({ analyzer, examples, random });
  yield { phase, done: 1, total };
  const neighbours = new NeighbourStyle(analyzer, examples);
  yield { phase, done: 2, total };
  const sectors = SectorMatch.train({ analyzer, examples, random });
  yield { phase, done: 3, total };
  const eras = SectorMatch.train({ analyzer, examples, random, classOf: (e) => e.era });
  yield { phase, done: 4, total };
  const tlds = SectorMatch.train({ analyzer, examples, random, classOf: (e) => tldClass(e.domain) });
  yield { phase, done: 5, total };
  const coarse = SectorMatch.train({ analyzer, examples, random, classOf: (e) => e.sector?.split(" -> ")[0] });
  yield { phase, done: 6, total };
  const embedding = EmbeddingMatch.train({ analyzer, vectors, examples, random });
  return { cross, neighbours, sectors, eras, tlds, coarse, embedding };
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
  if (!learned) return [...base, ...UNLEARNED];
  return [
    ...base,
    learned.cross.score(d, m),
    10 * learned.neighbours.score(d, m),
    learned.sectors?.score(d, m) ?? 0,
    10 * learned.neighbours.reverseScore(d, m),
    learned.eras?.score(d, m) ?? 0,
    learned.tlds?.score(d, m) ?? 0,
    learned.coarse?.score(d, m) ?? 0,
    learned.sectors?.wordsScore(d, m) ?? 0,
    learned.coarse?.wordsScore(d, m) ?? 0,
    learned.embedding?.score(d, m) ?? 0,
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
  "bio",
  "tech",
  "health",
  "xyz",
  "us",
  "net",
]);

/** Country-code TLDs grouped by the region a description would name ("Latin America", "India", "Africa" …). */
const TLD_REGIONS: Record<string, string> = {
  in: "india",
  br: "latam",
  mx: "latam",
  la: "latam",
  lat: "latam",
  cl: "latam",
  pe: "latam",
  ar: "latam",
  uy: "latam",
  ec: "latam",
  africa: "africa",
  ng: "africa",
  ke: "africa",
  za: "africa",
  gh: "africa",
  eg: "africa",
  id: "sea",
  vn: "sea",
  ph: "sea",
  sg: "sea",
  my: "sea",
  th: "sea",
  pk: "southasia",
  bd: "southasia",
  de: "europe",
  eu: "europe",
  fr: "europe",
  es: "europe",
  uk: "europe",
  nl: "europe",
  it: "europe",
  se: "europe",
  ch: "europe",
};

/** The TLD as a latent class: common ones by name, country codes by region, other rare TLDs share one class. */
export function tldClass(domain: string): string {
  const tld = domain.slice(domain.indexOf(".") + 1);
  if (COMMON_TLDS.has(tld)) return tld;
  return TLD_REGIONS[tld.slice(tld.lastIndexOf(".") + 1)] ?? "other";
}

/** Rows grouped by example, each group's real pair first (as {@link trainingPairs} yields them). */
function groupRows(rows: readonly number[][], groupOf: readonly number[]): number[][][] {
  const groups = new Map<number, number[][]>();
  for (const [index, row] of rows.entries()) {
    const group = groups.get(groupOf[index] as number) ?? [];
    group.push(row);
    groups.set(groupOf[index] as number, group);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Platt scaling of a ranking combiner: a 1-D logistic fit of its score to the labels, so the
 * relevance stays a probability-like number for the rubric (monotone: the ranking is kept).
 */
function calibrated(
  combiner: { weights: number[]; bias: number },
  rows: readonly number[][],
  labels: number[],
  negatives: number,
): { weights: number[]; bias: number } {
  const z = rows.map((row) => row.reduce((sum, v, j) => sum + (combiner.weights[j] as number) * v, combiner.bias));
  const platt = fitLogistic(
    z.map((v) => [v]),
    labels,
    negatives,
  );
  const a = platt.weights[0] as number;
  return { weights: combiner.weights.map((w) => a * w), bias: a * combiner.bias + platt.bias };
}
