import { type GgufMetadata, GgufValueType } from "../types.js";
import { arr, str, u32 } from "../values.js";

/** GPT-2 `bytes_to_unicode`: printable bytes map to themselves, the rest to U+0100 onwards (space → "Ġ"). */
export function byteToUnicode(): string[] {
  const printable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  let next = 256;
  return Array.from({ length: 256 }, (_, b) => String.fromCodePoint(printable(b) ? b : next++));
}

const SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];
const MERGES = ["Ġ t", "h e"];

/**
 * Tokenizer metadata of a minimal byte-level BPE vocab llama.cpp loads: 256 byte tokens, 2 merges,
 * then <|endoftext|> (bos), <|im_start|>, <|im_end|> (eos). 261 tokens. For tests and examples only.
 */
export function byteLevelVocabMetadata(): GgufMetadata {
  const tokens = [...byteToUnicode(), ...MERGES.map((m) => m.replace(" ", "")), ...SPECIALS];
  const types = tokens.map((t) => (SPECIALS.includes(t) ? 3 : 1));
  return {
    "tokenizer.ggml.model": str("gpt2"),
    "tokenizer.ggml.pre": str("qwen2"),
    "tokenizer.ggml.tokens": arr(GgufValueType.STRING, tokens),
    "tokenizer.ggml.token_type": arr(GgufValueType.INT32, types),
    "tokenizer.ggml.merges": arr(GgufValueType.STRING, MERGES),
    "tokenizer.ggml.bos_token_id": u32(tokens.indexOf("<|endoftext|>")),
    "tokenizer.ggml.eos_token_id": u32(tokens.indexOf("<|im_end|>")),
    "tokenizer.ggml.padding_token_id": u32(tokens.indexOf("<|endoftext|>")),
  };
}

/** Number of tokens in {@link byteLevelVocabMetadata}. */
export const BYTE_LEVEL_VOCAB_SIZE = 256 + MERGES.length + SPECIALS.length;
