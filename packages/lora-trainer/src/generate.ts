import { AbortError, InvalidInputError } from "./errors.js";
import type { DecoderModel } from "./models/DecoderModel.js";

/** Options for {@link generateGreedy}. */
export interface GenerateGreedyOptions {
  /** Prompt token ids (at least one). */
  prompt: readonly number[];
  /** Most tokens to generate. Defaults to 32. */
  maxTokens?: number;
  /** Generation stops after emitting one of these (it is included in the result). Defaults to none. */
  stopTokens?: readonly number[];
  /** Called with each new token. */
  onToken?: (token: number) => void;
  signal?: AbortSignal;
}

/**
 * Greedy decoding with a KV cache: one forward over the prompt, then one position per step.
 * Stops at `maxTokens`, a stop token, or the context length. Returns the generated ids.
 */
export async function generateGreedy(model: DecoderModel, options: GenerateGreedyOptions): Promise<number[]> {
  const { prompt, maxTokens = 32, stopTokens = [], onToken, signal } = options;
  if (prompt.length === 0) throw new InvalidInputError("generateGreedy: prompt is empty");
  const { tf, config } = model;
  const cache = model.createCache();
  const generated: number[] = [];
  try {
    let input: readonly number[] = prompt;
    while (generated.length < maxTokens && cache.length + input.length <= config.contextLength) {
      if (signal?.aborted) throw new AbortError("generateGreedy was aborted", { cause: signal.reason });
      const logits = model.logits([input], { cache });
      const next = tf.tidy(() => logits.slice([0, input.length - 1, 0], [1, 1, config.vocabSize]).argMax(-1));
      logits.dispose();
      const token = (await next.data())[0] as number;
      next.dispose();
      generated.push(token);
      onToken?.(token);
      if (stopTokens.includes(token)) break;
      input = [token];
    }
    return generated;
  } finally {
    cache.dispose();
  }
}
