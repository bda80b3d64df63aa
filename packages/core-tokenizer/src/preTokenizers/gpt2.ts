import type { PreTokenizer } from "./PreTokenizer.js";

/** GPT-2's original split regex ("gpt-2" in GGUF): case-sensitive contractions, digits in runs. */
export const gpt2PreTokenizer: PreTokenizer = {
  name: "gpt-2",
  pattern: /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu,
};
