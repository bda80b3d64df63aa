import type { PreTokenizer } from "./PreTokenizer.js";

/**
 * Llama 3 ("llama-bpe" in GGUF) and OpenAI cl100k_base split regex: like Qwen2's but digits group in
 * runs of up to three. `(?i:…)` is expanded because Node 20's RegExp has no inline modifiers.
 */
export const llama3PreTokenizer: PreTokenizer = {
  name: "llama-bpe",
  pattern:
    /(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu,
};
