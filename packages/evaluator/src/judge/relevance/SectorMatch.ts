import { relatedStems } from "../../lexicon/relatedStems.js";
import { clusterKeys } from "../../lexicon/wordClusters.js";
import type { Random } from "../../stats/random.js";
import type { AnalyzedDescription, AnalyzedDomain, DomainAnalyzer } from "./DomainAnalyzer.js";
import { hashFeature } from "./hashing.js";
import { SoftmaxRegression, type SoftmaxRegressionJson } from "./SoftmaxRegression.js";
import type { RelevanceExample } from "./trainingPairs.js";

const BITS = 18;
const RELATED_MIN_WEIGHT = 0.6;
const descriptionFeatureCache = new WeakMap<AnalyzedDescription, number[]>();
const domainFeatureCache = new WeakMap<AnalyzedDomain, number[]>();

/** Serialized {@link SectorMatch}. */
export interface SectorMatchJson {
  prior: number[];
  byDescription: SoftmaxRegressionJson;
  byDomain: SoftmaxRegressionJson;
}

/**
 * Sector agreement through a latent class: one classifier guesses the sector from the
 * description, another from the domain alone (morphemes, their WordNet relatives, TLD,
 * n-grams); the score is log Σ_c P(c|description)·P(c|domain)/P(c), the likelihood ratio
 * of "same company" against "random pair" if both depend only on the sector.
 */
export class SectorMatch {
  readonly #prior: Float64Array;
  #byDescription: SoftmaxRegression;
  #byDomain: SoftmaxRegression;
  readonly #byDescriptionCache = new WeakMap<AnalyzedDescription, Float64Array>();
  readonly #byDomainCache = new WeakMap<AnalyzedDomain, Float64Array>();
  readonly #byWordsCache = new WeakMap<AnalyzedDomain, Float64Array>();

  private constructor(
    readonly analyzer: DomainAnalyzer,
    classes: number,
  ) {
    this.#prior = new Float64Array(classes);
    this.#byDescription = new SoftmaxRegression(classes, BITS);
    this.#byDomain = new SoftmaxRegression(classes, BITS);
  }

  /** Trains both classifiers on examples that carry a sector; returns undefined when fewer than 2 sectors. */
  static train(options: {
    analyzer: DomainAnalyzer;
    examples: readonly RelevanceExample[];
    random: Random;
    /** The latent class of an example. Defaults to its sector; the era or the TLD work the same way. */
    classOf?: (example: RelevanceExample) => string | null | undefined;
    /** SGD settings of both classifiers. Defaults to 5 epochs, rate 0.1, L2 1e-4 (5-fold CV on the train split: sector-match no-mention AUC 0.655 vs 0.635 at rate 0.3). */
    fit?: { epochs?: number; learningRate?: number; l2?: number };
  }): SectorMatch | undefined {
    const {
      analyzer,
      examples,
      random,
      classOf = (e: RelevanceExample) => e.sector,
      fit = { learningRate: 0.1 },
    } = options;
    const labelled = examples.filter((e) => typeof classOf(e) === "string");
    const sectors = [...new Set(labelled.map((e) => classOf(e) as string))];
    if (sectors.length < 2) return undefined;
    const model = new SectorMatch(analyzer, sectors.length);
    const labels = labelled.map((e) => sectors.indexOf(classOf(e) as string));
    for (const label of labels) model.#prior[label] = (model.#prior[label] as number) + 1 / labels.length;
    model.#byDescription.fit({
      features: labelled.map((e) => model.#descriptionFeatures(analyzer.description(e.description))),
      labels,
      random,
      ...fit,
    });
    model.#byDomain.fit({
      features: labelled.map((e) => model.#domainFeatures(analyzer.domain(e.domain))),
      labels,
      random,
      ...fit,
    });
    return model;
  }

  toJSON(): SectorMatchJson {
    return { prior: [...this.#prior], byDescription: this.#byDescription.toJSON(), byDomain: this.#byDomain.toJSON() };
  }

  static fromJSON(analyzer: DomainAnalyzer, json: SectorMatchJson): SectorMatch {
    const model = new SectorMatch(analyzer, json.prior.length);
    model.#prior.set(json.prior);
    model.#byDescription = SoftmaxRegression.fromJSON(json.byDescription);
    model.#byDomain = SoftmaxRegression.fromJSON(json.byDomain);
    return model;
  }

  score(description: AnalyzedDescription, domain: AnalyzedDomain): number {
    const a = this.#descriptionProbabilities(description);
    let b = this.#byDomainCache.get(domain);
    if (!b) {
      b = this.#byDomain.probabilities(this.#domainFeatures(domain));
      this.#byDomainCache.set(domain, b);
    }
    return this.#agreement(a, b);
  }

  /** log Σ_c a_c·b_c / prior_c. */
  #agreement(a: Float64Array, b: Float64Array): number {
    let sum = 0;
    for (let c = 0; c < this.#prior.length; c++)
      sum += ((a[c] as number) * (b[c] as number)) / ((this.#prior[c] as number) || 1);
    return Math.log(sum + 1e-9);
  }

  #descriptionProbabilities(description: AnalyzedDescription): Float64Array {
    let a = this.#byDescriptionCache.get(description);
    if (!a) {
      a = this.#byDescription.probabilities(this.#descriptionFeatures(description));
      this.#byDescriptionCache.set(description, a);
    }
    return a;
  }

  /**
   * The same agreement with the domain's class guessed by the *description* classifier from the domain's word
   * morphemes, read as a tiny description: a name part that never occurred in a training domain but did in
   * training descriptions ("tennis", "coffee") still points to its class. 0 when no morpheme is a known word.
   */
  wordsScore(description: AnalyzedDescription, domain: AnalyzedDomain): number {
    let b = this.#byWordsCache.get(domain);
    if (!b) {
      const keys = new Set<string>();
      for (const [index, morpheme] of domain.morphemes.entries()) {
        if (morpheme.kind !== "word" || morpheme.text.length < 3) continue;
        keys.add(`s:${domain.morphemeStems[index] ?? morpheme.text}`);
        for (const key of clusterKeys(this.analyzer.wordnet, morpheme.text)) keys.add(key);
        for (const [stem, weight] of relatedStems(this.analyzer.wordnet, morpheme.text))
          if (weight >= RELATED_MIN_WEIGHT) keys.add(`r:${stem}`);
      }
      b = keys.size ? this.#byDescription.probabilities([...keys].map((k) => hashFeature(k, BITS))) : this.#prior;
      this.#byWordsCache.set(domain, b);
    }
    if (b === this.#prior) return 0;
    return this.#agreement(this.#descriptionProbabilities(description), b);
  }

  /** Hashed features of a description; the same for every latent class, so shared by all instances. */
  #descriptionFeatures(description: AnalyzedDescription): number[] {
    let features = descriptionFeatureCache.get(description);
    if (!features) {
      features = this.#computeDescriptionFeatures(description);
      descriptionFeatureCache.set(description, features);
    }
    return features;
  }

  #domainFeatures(domain: AnalyzedDomain): number[] {
    let features = domainFeatureCache.get(domain);
    if (!features) {
      features = this.#computeDomainFeatures(domain);
      domainFeatureCache.set(domain, features);
    }
    return features;
  }

  #computeDescriptionFeatures(description: AnalyzedDescription): number[] {
    const keys = new Set<string>();
    for (const token of description.tokens) {
      keys.add(`s:${token.stem}`);
      for (const key of clusterKeys(this.analyzer.wordnet, token.word)) keys.add(key);
      for (const [stem, weight] of relatedStems(this.analyzer.wordnet, token.word))
        if (weight >= RELATED_MIN_WEIGHT) keys.add(`r:${stem}`);
    }
    return [...keys].map((k) => hashFeature(k, BITS));
  }

  #computeDomainFeatures(domain: AnalyzedDomain): number[] {
    const keys = new Set<string>([
      `tld:${domain.tld}`,
      `len:${Math.min(domain.label.length, 14)}`,
      `pieces:${domain.morphemes.length}`,
    ]);
    for (const [index, morpheme] of domain.morphemes.entries()) {
      keys.add(`kind:${morpheme.kind}`);
      if (morpheme.kind === "number" || morpheme.text.length < 3) continue;
      keys.add(`m:${domain.morphemeStems[index] ?? morpheme.text}`);
      if (morpheme.kind === "word") {
        for (const key of clusterKeys(this.analyzer.wordnet, morpheme.text)) keys.add(`n${key}`);
        for (const [stem, weight] of relatedStems(this.analyzer.wordnet, morpheme.text))
          if (weight >= RELATED_MIN_WEIGHT) keys.add(`r:${stem}`);
      }
    }
    const padded = `^${domain.label}$`;
    for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) keys.add(`g:${padded.slice(i, i + n)}`);
    return [...keys].map((k) => hashFeature(k, BITS));
  }
}
