import { type Random, shuffled } from "../../stats/random.js";
import type { AnalyzedDescription, AnalyzedDomain, DomainAnalyzer } from "./DomainAnalyzer.js";
import { hashFeature, sigmoid } from "./hashing.js";
import { type RelevanceExample, trainingPairs } from "./trainingPairs.js";

const BITS = 18;

/**
 * Learned word↔name associations: a logistic model over hashed crosses of description
 * stems with the domain's morpheme stems, label 4-grams and TLD (e.g. "payment"×"pay",
 * "agent"×tld "ai"). Trained on real pairs against shuffled ones.
 */
export class CrossAssociation {
  readonly #weights = new Float32Array(1 << BITS);

  private constructor(readonly analyzer: DomainAnalyzer) {}

  /** Trains on `examples` with `negatives` shuffled domains per example, for `epochs` passes. */
  static train(options: {
    analyzer: DomainAnalyzer;
    examples: readonly RelevanceExample[];
    random: Random;
    epochs?: number;
    negatives?: number;
    learningRate?: number;
    l2?: number;
  }): CrossAssociation {
    const { analyzer, examples, random, epochs = 4, negatives = 4, learningRate = 0.05, l2 = 1e-4 } = options;
    const model = new CrossAssociation(analyzer);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const pair of trainingPairs(shuffled(examples, random), negatives, random)) {
        const indices = model.#indices(analyzer.description(pair.description), analyzer.domain(pair.domain));
        let score = 0;
        for (const i of indices) score += model.#weights[i] as number;
        const gradient = ((sigmoid(score) - pair.label) * (pair.label ? negatives : 1)) / negatives;
        for (const i of indices)
          model.#weights[i] =
            (model.#weights[i] as number) - learningRate * (gradient + l2 * (model.#weights[i] as number));
      }
    }
    return model;
  }

  score(description: AnalyzedDescription, domain: AnalyzedDomain): number {
    let score = 0;
    for (const i of this.#indices(description, domain)) score += this.#weights[i] as number;
    return score;
  }

  #indices(description: AnalyzedDescription, domain: AnalyzedDomain): number[] {
    const nameKeys = [`t:${domain.tld}`, ...domain.stems.map((s) => `m:${s}`)];
    for (let i = 0; i + 4 <= domain.label.length; i++) nameKeys.push(`g:${domain.label.slice(i, i + 4)}`);
    const indices: number[] = [];
    for (const token of description.tokens)
      for (const key of nameKeys) indices.push(hashFeature(`${token.stem}|${key}`, BITS));
    return indices;
  }
}
