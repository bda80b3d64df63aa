/**
 * GGUF token types (`tokenizer.ggml.token_type`, i32). Byte-level vocabularies use Normal for bytes
 * and merged tokens, Control for special tokens (parsed only when asked) and UserDefined for added
 * tokens that are always split out of text (Qwen3's `<think>`).
 */
export const TokenType = {
  Normal: 1,
  Unknown: 2,
  Control: 3,
  UserDefined: 4,
  Unused: 5,
  Byte: 6,
} as const;
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/**
 * Everything needed to build a {@link Tokenizer}: the plain data a loader reads from tokenizer.json,
 * GGUF metadata or tiktoken ranks, or that {@link trainBpe} learns.
 */
export interface Vocabulary {
  /**
   * Token texts indexed by id. Normal tokens are in GPT-2 byte↔unicode form ("Ġthe"); Control and
   * UserDefined tokens are raw text ("<|im_end|>").
   */
  readonly tokens: readonly string[];
  /** A {@link TokenType} per token. */
  readonly tokenTypes: readonly TokenType[];
  /**
   * How merges are ranked. "merges": `merges[i]` ("left right", mapped form) has rank i (Hugging Face,
   * GGUF). "ranks": a token's id is its rank and any split of it into two tokens merges to it (tiktoken).
   */
  readonly model: "merges" | "ranks";
  /** Merge rules in rank order, "left right" in mapped form; empty for model "ranks". */
  readonly merges: readonly string[];
  /** Pre-tokenizer name (`tokenizer.ggml.pre`: "qwen2", "llama-bpe", "gpt-2") or a custom regex source. */
  readonly pre: string;
  /** Unicode normalization applied to text between special tokens ("NFC" for Qwen's tokenizer.json). */
  readonly normalizer: "NFC" | null;
  /** Look a whole piece up before merging (tiktoken, Llama 3). */
  readonly ignoreMerges: boolean;
  readonly bosId: number | null;
  readonly eosId: number | null;
  readonly padId: number | null;
  /** Whether a BOS token is prepended when encoding with `addSpecialTokens`. */
  readonly addBos: boolean;
  /** Jinja chat template, stored as `tokenizer.chat_template` in GGUF. */
  readonly chatTemplate: string | null;
}
