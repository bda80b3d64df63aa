import type { WordVectors } from "../../lexicon/WordVectors.js";
import { vectorWord } from "../../lexicon/wordClusters.js";
import { type Random, shuffled } from "../../stats/random.js";
import type { AnalyzedDescription, AnalyzedDomain, DomainAnalyzer } from "./DomainAnalyzer.js";
import { sigmoid } from "./hashing.js";
import { type RelevanceExample, trainingPairs } from "./trainingPairs.js";

/** Serialized {@link EmbeddingMatch}: the dimensions and the row-major matrix, base64 little-endian Float64 (exact). */
export interface EmbeddingMatchJson {
  dimensions: number;
  matrix: string;
}

/**
 * Fit between the meaning of a name's dictionary words and the description's, through word vectors:
 * score = n·W·d, with n and d the unit mean vectors of the name's words and the description's content words and
 * W learned on real pairs against shuffled ones, starting from the identity (plain cosine). W learns which
 * meanings go together beyond similarity (a finance word in the name, a payments description). 5-fold CV on the
 * train split, no-mention AUC alone: 0.637 (cosine alone 0.556; WordNet relations 0.578); in the
 * stack it moved the judge 0.7198 → 0.7288.
 */
export class EmbeddingMatch {
  readonly #matrix: Float64Array;
  readonly #names = new WeakMap<AnalyzedDomain, Float64Array>();
  readonly #descriptions = new WeakMap<AnalyzedDescription, Float64Array>();

  private constructor(
    readonly analyzer: DomainAnalyzer,
    readonly vectors: WordVectors,
    matrix?: Float64Array,
  ) {
    const size = vectors.dimensions;
    this.#matrix = matrix ?? new Float64Array(size * size);
    if (!matrix) for (let i = 0; i < size; i++) this.#matrix[i * size + i] = 1;
  }

  /**
   * Trains W by SGD on logistic loss, real pair against `negatives` shuffled domains. Defaults: 3 epochs,
   * rate 0.05, L2 1e-4 towards the identity, 4 negatives (CV: 0.633 at rate 0.1, 0.626 at L2 1e-3, same at 6 epochs).
   */
  static train(options: {
    analyzer: DomainAnalyzer;
    vectors: WordVectors;
    examples: readonly RelevanceExample[];
    random: Random;
    epochs?: number;
    learningRate?: number;
    l2?: number;
    negatives?: number;
  }): EmbeddingMatch {
    const { analyzer, vectors, examples, random, epochs = 3, learningRate = 0.05, l2 = 1e-4, negatives = 4 } = options;
    const model = new EmbeddingMatch(analyzer, vectors);
    const size = vectors.dimensions;
    const matrix = model.#matrix;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const pair of trainingPairs(shuffled(examples, random), negatives, random)) {
        const d = model.#descriptionVector(analyzer.description(pair.description));
        const n = model.#nameVector(analyzer.domain(pair.domain));
        const gradient = ((sigmoid(model.#bilinear(n, d)) - pair.label) * (pair.label ? negatives : 1)) / negatives;
        for (let a = 0; a < size; a++) {
          const na = n[a] as number;
          if (na === 0) continue;
          for (let b = 0; b < size; b++) {
            const at = a * size + b;
            const pull = (matrix[at] as number) - (a === b ? 1 : 0);
            matrix[at] = (matrix[at] as number) - learningRate * (gradient * na * (d[b] as number) + l2 * pull);
          }
        }
      }
    }
    return model;
  }

  toJSON(): EmbeddingMatchJson {
    const matrix = Float64Array.from(this.#matrix);
    return { dimensions: this.vectors.dimensions, matrix: Buffer.from(matrix.buffer).toString("base64") };
  }

  static fromJSON(analyzer: DomainAnalyzer, vectors: WordVectors, json: EmbeddingMatchJson): EmbeddingMatch {
    const bytes = Buffer.from(json.matrix, "base64");
    const matrix = new Float64Array(json.dimensions * json.dimensions);
    new Uint8Array(matrix.buffer).set(bytes.subarray(0, matrix.byteLength));
    return new EmbeddingMatch(analyzer, vectors, matrix);
  }

  /** n·W·d; 0 when the name has no dictionary word the vectors know. */
  score(description: AnalyzedDescription, domain: AnalyzedDomain): number {
    return this.#bilinear(this.#nameVector(domain), this.#descriptionVector(description));
  }

  #bilinear(n: Float64Array, d: Float64Array): number {
    const size = this.vectors.dimensions;
    let score = 0;
    for (let a = 0; a < size; a++) {
      const na = n[a] as number;
      if (na === 0) continue;
      let row = 0;
      for (let b = 0; b < size; b++) row += (this.#matrix[a * size + b] as number) * (d[b] as number);
      score += na * row;
    }
    return score;
  }

  #nameVector(domain: AnalyzedDomain): Float64Array {
    let vector = this.#names.get(domain);
    if (!vector) {
      vector = this.#meanOf(domain.words);
      this.#names.set(domain, vector);
    }
    return vector;
  }

  #descriptionVector(description: AnalyzedDescription): Float64Array {
    let vector = this.#descriptions.get(description);
    if (!vector) {
      vector = this.#meanOf(description.tokens.map((t) => t.word));
      this.#descriptions.set(description, vector);
    }
    return vector;
  }

  /** Mean of the words' vectors, each in the form the table has ({@link vectorWord}). */
  #meanOf(words: readonly string[]): Float64Array {
    const known = words.flatMap((word) => vectorWord(this.vectors, this.analyzer.wordnet, word) ?? []);
    return this.vectors.meanVector(known);
  }
}
