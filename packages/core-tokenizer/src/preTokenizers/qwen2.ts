import type { PreTokenizer } from "./PreTokenizer.js";

/**
 * Qwen2/Qwen3 split regex, as in their tokenizer.json, with `(?i:…)` expanded into character classes
 * because Node 20's RegExp has no inline modifiers (llama.cpp expands it the same way). Single digits.
 */
export const qwen2PreTokenizer: PreTokenizer = {
  name: "qwen2",
  pattern:
    /(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu,
};
