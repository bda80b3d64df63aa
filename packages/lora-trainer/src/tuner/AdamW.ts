/**
 * AdamW (Loshchilov & Hutter 2019) over TF.js variables, PyTorch's update order: decoupled weight decay
 * p ← p·(1 − lr·wd) on matrices only (≥ 2-D, as nanoGPT's configure_optimizers), then
 * m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  p ← p − lr·m̂ / (√v̂ + ε) with bias-corrected m̂, v̂.
 * Its moments are plain variables it owns, so a checkpoint can save and restore them bit for bit
 * (tf.train.adam keeps its slots private).
 */
import type { Tensor, Variable } from "@tensorflow/tfjs";
import type { Tf } from "../backend/loadTf.js";
import { CheckpointMismatchError } from "../errors.js";

/** Options for {@link AdamW}. */
export interface AdamWOptions {
  /** Defaults to 0.9. */
  beta1?: number;
  /** Defaults to 0.999. */
  beta2?: number;
  /** Defaults to 1e-8. */
  epsilon?: number;
  /** Decoupled weight decay on ≥ 2-D parameters. Defaults to 0 (Hugging Face Trainer's default). */
  weightDecay?: number;
}

/** A named trainable parameter. Names are stable across processes (checkpoints key on them). */
export interface NamedVariable {
  name: string;
  variable: Variable;
}

/** The optimizer's state as plain arrays, for checkpoints. */
export interface AdamWState {
  /** Updates applied so far (the bias correction's t). */
  updates: number;
  /** Per parameter name: first and second moments. */
  moments: Map<string, { m: Float32Array; v: Float32Array }>;
}

export class AdamW {
  updates = 0;
  readonly #tf: Tf;
  readonly #params: readonly NamedVariable[];
  readonly #m: Variable[];
  readonly #v: Variable[];
  readonly #options: Required<AdamWOptions>;

  constructor(tf: Tf, params: readonly NamedVariable[], options: AdamWOptions = {}) {
    const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0 } = options;
    this.#tf = tf;
    this.#params = params;
    this.#options = { beta1, beta2, epsilon, weightDecay };
    const zeros = (p: NamedVariable) => tf.tidy(() => tf.variable(tf.zerosLike(p.variable), false));
    this.#m = params.map(zeros);
    this.#v = params.map(zeros);
  }

  /** One update with `grads[i]` for parameter i (already averaged and clipped) at learning rate `lr`. */
  apply(grads: readonly Tensor[], lr: number): void {
    const tf = this.#tf;
    const { beta1, beta2, epsilon, weightDecay } = this.#options;
    this.updates++;
    const correction1 = 1 - beta1 ** this.updates;
    const correction2 = 1 - beta2 ** this.updates;
    tf.tidy(() => {
      this.#params.forEach(({ variable }, i) => {
        const g = grads[i]!;
        const m = this.#m[i]!.mul(beta1).add(g.mul(1 - beta1));
        const v = this.#v[i]!.mul(beta2).add(g.square().mul(1 - beta2));
        this.#m[i]!.assign(m);
        this.#v[i]!.assign(v);
        const decayed = weightDecay > 0 && variable.rank >= 2 ? variable.mul(1 - lr * weightDecay) : variable;
        const step = m.div(correction1).div(v.div(correction2).sqrt().add(epsilon)).mul(lr);
        variable.assign(decayed.sub(step));
      });
    });
  }

  async state(): Promise<AdamWState> {
    const moments = new Map<string, { m: Float32Array; v: Float32Array }>();
    for (const [i, p] of this.#params.entries()) {
      moments.set(p.name, {
        m: (await this.#m[i]!.data()) as Float32Array,
        v: (await this.#v[i]!.data()) as Float32Array,
      });
    }
    return { updates: this.updates, moments };
  }

  /** Restores {@link AdamW.state}'s output; every parameter must be present with its size. */
  restore(state: AdamWState): void {
    const tf = this.#tf;
    this.#params.forEach((p, i) => {
      const saved = state.moments.get(p.name);
      if (saved?.m?.length !== p.variable.size || saved?.v?.length !== p.variable.size) {
        throw new CheckpointMismatchError(
          `optimizer state for ${p.name}: expected ${p.variable.size} values, got ${saved?.m?.length ?? "none"}. Hint: resume with the adapter configuration the checkpoint was written with.`,
        );
      }
      tf.tidy(() => {
        this.#m[i]!.assign(tf.tensor(saved.m, p.variable.shape));
        this.#v[i]!.assign(tf.tensor(saved.v, p.variable.shape));
      });
    });
    this.updates = state.updates;
  }

  dispose(): void {
    for (const t of [...this.#m, ...this.#v]) t.dispose();
  }
}
