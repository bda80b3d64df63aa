/**
 * Stepwise evaluation with a KV cache. llama.cpp's bits depend on how a sequence was split into micro-batches (a
 * 1-token batch takes other kernels), so reproducing generation needs the same steps: the prompt, then one token each.
 */
import { InvalidInputError } from "../errors.js";
import type { DecoderConfig } from "./DecoderConfig.js";
import { type GgmlCpuContext, type GgmlCpuOptions, ggmlCpuContext } from "./ggmlCpuContext.js";
import type { GgmlCpuProfile } from "./ggmlCpuProfile.js";
import { type KvRows, ubatchLogits } from "./ggmlUbatchLogits.js";
import type { GgmlWeights } from "./ggmlWeights.js";

/**
 * One llama.cpp sequence, step by step: each {@link GgmlCpuSession.evaluate} call is one micro-batch appended after
 * the cached positions, as `sequence.evaluate` / `controlledEvaluate` feed llama.cpp (prompt in one batch, then one
 * token per generated token), so greedy decoding reproduces llama.cpp's bits and tokens.
 */
export class GgmlCpuSession {
  readonly #ctx: GgmlCpuContext;
  readonly #cache: KvRows[];
  #length = 0;

  constructor(
    readonly config: DecoderConfig,
    readonly weights: GgmlWeights,
    profile: GgmlCpuProfile,
    options: GgmlCpuOptions = {},
  ) {
    this.#ctx = ggmlCpuContext(profile, options);
    this.#cache = weights.layers.map(() => ({ k: [], v: [] }));
  }

  /** Positions evaluated so far. */
  get length(): number {
    return this.#length;
  }

  /** Logits [n][V] for `tokens` as one micro-batch (llama.cpp splits more than 512 into several: so do we). */
  evaluate(tokens: readonly number[]): Float32Array[] {
    const { vocabSize } = this.config;
    const bad = tokens.findIndex((t) => !Number.isInteger(t) || t < 0 || t >= vocabSize);
    if (bad >= 0) throw new InvalidInputError(`token ${tokens[bad]} is outside the vocabulary [0, ${vocabSize})`);
    const logits: Float32Array[] = [];
    for (let i = 0; i < tokens.length; i += 512) {
      const batch = tokens.slice(i, i + 512);
      logits.push(...ubatchLogits(this.#ctx, this.config, this.weights, batch, this.#length, this.#cache));
      this.#length += batch.length;
    }
    return logits;
  }

  /** Greedy continuation: evaluates `prompt`, then feeds back the argmax one token at a time, up to `maxTokens`. */
  greedy(prompt: readonly number[], maxTokens: number, stop: readonly number[] = []): number[] {
    let logits = this.evaluate(prompt).at(-1)!;
    const out: number[] = [];
    while (out.length < maxTokens) {
      let best = 0;
      for (let i = 1; i < logits.length; i++) if ((logits[i] as number) > (logits[best] as number)) best = i;
      out.push(best);
      if (stop.includes(best) || out.length === maxTokens) break;
      logits = this.evaluate([best])[0]!;
    }
    return out;
  }
}
