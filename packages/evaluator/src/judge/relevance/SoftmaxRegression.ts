import { type Random, shuffled } from "../../stats/random.js";
import { decodeSparse, encodeSparse, type SparseFloats } from "./sparseCodec.js";

/** Serialized {@link SoftmaxRegression}. */
export interface SoftmaxRegressionJson {
  classes: number;
  bits: number;
  weights: SparseFloats;
  bias: number[];
}

/** Multinomial logistic regression over hashed sparse binary features, trained by SGD. */
export class SoftmaxRegression {
  readonly #weights: Float32Array;
  readonly #bias: Float64Array;

  constructor(
    readonly classes: number,
    readonly bits = 18,
  ) {
    this.#weights = new Float32Array((1 << bits) * classes);
    this.#bias = new Float64Array(classes);
  }

  toJSON(): SoftmaxRegressionJson {
    return { classes: this.classes, bits: this.bits, weights: encodeSparse(this.#weights), bias: [...this.#bias] };
  }

  static fromJSON(json: SoftmaxRegressionJson): SoftmaxRegression {
    const model = new SoftmaxRegression(json.classes, json.bits);
    decodeSparse(json.weights, model.#weights);
    model.#bias.set(json.bias);
    return model;
  }

  /** Class probabilities for one example given as feature bucket indices. */
  probabilities(features: readonly number[]): Float64Array {
    const z = Float64Array.from(this.#bias);
    for (const f of features)
      for (let c = 0; c < this.classes; c++) z[c] = (z[c] as number) + (this.#weights[f * this.classes + c] as number);
    let max = Number.NEGATIVE_INFINITY;
    for (const v of z) max = Math.max(max, v);
    let sum = 0;
    for (let c = 0; c < this.classes; c++) {
      z[c] = Math.exp((z[c] as number) - max);
      sum += z[c] as number;
    }
    for (let c = 0; c < this.classes; c++) z[c] = (z[c] as number) / sum;
    return z;
  }

  /** SGD on (features, class) examples. Defaults: 5 epochs, rate 0.3, L2 1e-4. */
  fit(options: {
    features: readonly number[][];
    labels: readonly number[];
    random: Random;
    epochs?: number;
    learningRate?: number;
    l2?: number;
  }): this {
    const { features, labels, random, epochs = 5, learningRate = 0.3, l2 = 1e-4 } = options;
    const order = features.map((_, i) => i);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const n of shuffled(order, random)) {
        const x = features[n] as number[];
        const p = this.probabilities(x);
        const label = labels[n] as number;
        p[label] = (p[label] as number) - 1;
        const step = learningRate / Math.sqrt(x.length || 1);
        for (let c = 0; c < this.classes; c++)
          this.#bias[c] = (this.#bias[c] as number) - learningRate * 0.1 * (p[c] as number);
        for (const f of x) {
          for (let c = 0; c < this.classes; c++) {
            const at = f * this.classes + c;
            this.#weights[at] =
              (this.#weights[at] as number) -
              (step * (p[c] as number) + learningRate * l2 * (this.#weights[at] as number));
          }
        }
      }
    }
    return this;
  }
}
