import { Tokenizer, trainBpe } from "@nomen/core-tokenizer";

/** ChatML's special tokens, in the order the GGUF stores them after the byte (and merge) tokens. */
export const CHATML_SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"] as const;

/** Options for {@link byteLevelTokenizer}. */
export interface ByteLevelTokenizerOptions {
  /** BPE merges to learn from `corpus` on top of the 256 byte tokens. Defaults to 0 (pure byte level). */
  merges?: number;
  /** Text the merges are learned from; unused with 0 merges. Defaults to none. */
  corpus?: Iterable<string>;
}

/**
 * The default model's vocabulary: 256 byte tokens (+ `merges` learned merges) + ChatML specials, qwen2
 * pre-tokenizer, eos `<|im_end|>`, pad `<|endoftext|>`, ChatML chat template — 259 tokens at 0 merges. Byte tokens
 * spell an unseen word the same way in the prompt and in the answer, which is what lets a tiny model copy it
 * (facts/tiny-model-sizing.md, byte-level addendum).
 */
export function byteLevelTokenizer(options: ByteLevelTokenizerOptions = {}): Tokenizer {
  const merges = options.merges ?? 0;
  const vocabulary = trainBpe(options.corpus ?? [], { merges, specialTokens: [...CHATML_SPECIAL_TOKENS] });
  return Tokenizer.fromVocabulary(vocabulary, { source: `byte-level vocabulary (${merges} merges)` });
}
