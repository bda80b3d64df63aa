import { arr, bool, type GgufValue, GgufValueType, str, u32 } from "@nomen/gguf";
import { UnsupportedGgufExportError } from "../errors.js";
import type { Tokenizer } from "../Tokenizer.js";

/**
 * The tokenizer keys of a GGUF file, typed the way llama.cpp requires (token_type i32[], special ids
 * u32): `tokenizer.ggml.model` "gpt2", tokens, merges, token_type, pre, bos/eos/padding ids,
 * `add_bos_token` and `tokenizer.chat_template`. Spread the result into `@nomen/gguf` `writeGguf`'s
 * metadata next to `general.architecture`. Rank-based (tiktoken) vocabularies and custom regexes
 * have no llama.cpp form and throw {@link UnsupportedGgufExportError}.
 */
export function tokenizerGgufMetadata(tokenizer: Tokenizer): Record<string, GgufValue> {
  const vocab = tokenizer.vocabulary;
  if (vocab.model !== "merges")
    throw new UnsupportedGgufExportError(
      "Cannot write a rank-based (tiktoken) vocabulary as GGUF: llama.cpp needs a merge list. Hint: export a merges vocabulary (tokenizer.json, GGUF or trainBpe).",
    );
  if (!["qwen2", "llama-bpe", "gpt-2"].includes(tokenizer.preTokenizer.name))
    throw new UnsupportedGgufExportError(
      `Cannot write pre-tokenizer "${tokenizer.preTokenizer.name}" to GGUF: expected qwen2, llama-bpe or gpt-2 (llama.cpp rejects other tokenizer.ggml.pre values).`,
    );
  const metadata: Record<string, GgufValue> = {
    "tokenizer.ggml.model": str("gpt2"),
    "tokenizer.ggml.pre": str(tokenizer.preTokenizer.name),
    "tokenizer.ggml.tokens": arr(GgufValueType.STRING, vocab.tokens),
    "tokenizer.ggml.token_type": arr(GgufValueType.INT32, vocab.tokenTypes),
    "tokenizer.ggml.merges": arr(GgufValueType.STRING, vocab.merges),
  };
  if (vocab.bosId !== null) metadata["tokenizer.ggml.bos_token_id"] = u32(vocab.bosId);
  if (vocab.eosId !== null) metadata["tokenizer.ggml.eos_token_id"] = u32(vocab.eosId);
  if (vocab.padId !== null) metadata["tokenizer.ggml.padding_token_id"] = u32(vocab.padId);
  metadata["tokenizer.ggml.add_bos_token"] = bool(vocab.addBos);
  if (vocab.chatTemplate !== null) metadata["tokenizer.chat_template"] = str(vocab.chatTemplate);
  return metadata;
}
