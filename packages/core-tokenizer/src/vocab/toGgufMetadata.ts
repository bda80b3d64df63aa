import { UnsupportedGgufExportError } from "../errors.js";
import type { Tokenizer } from "../Tokenizer.js";
import { GGUF_TYPE, type GgufTypedValue } from "./ggufMetadata.js";

/**
 * The tokenizer keys of a GGUF file, typed the way llama.cpp requires (token_type i32[], special ids
 * u32): `tokenizer.ggml.model` "gpt2", tokens, merges, token_type, pre, bos/eos/padding ids,
 * `add_bos_token` and `tokenizer.chat_template`. Spread the result into `@nomen/gguf` `writeGguf`'s
 * metadata next to `general.architecture`. Rank-based (tiktoken) vocabularies and custom regexes
 * have no llama.cpp form and throw {@link UnsupportedGgufExportError}.
 */
export function tokenizerGgufMetadata(tokenizer: Tokenizer): Record<string, GgufTypedValue> {
  const vocab = tokenizer.vocabulary;
  if (vocab.model !== "merges")
    throw new UnsupportedGgufExportError(
      "Cannot write a rank-based (tiktoken) vocabulary as GGUF: llama.cpp needs a merge list. Hint: export a merges vocabulary (tokenizer.json, GGUF or trainBpe).",
    );
  if (!["qwen2", "llama-bpe", "gpt-2"].includes(tokenizer.preTokenizer.name))
    throw new UnsupportedGgufExportError(
      `Cannot write pre-tokenizer "${tokenizer.preTokenizer.name}" to GGUF: expected qwen2, llama-bpe or gpt-2 (llama.cpp rejects other tokenizer.ggml.pre values).`,
    );
  const metadata: Record<string, GgufTypedValue> = {
    "tokenizer.ggml.model": { type: GGUF_TYPE.STRING, value: "gpt2" },
    "tokenizer.ggml.pre": { type: GGUF_TYPE.STRING, value: tokenizer.preTokenizer.name },
    "tokenizer.ggml.tokens": { type: GGUF_TYPE.ARRAY, itemType: GGUF_TYPE.STRING, value: vocab.tokens },
    "tokenizer.ggml.token_type": { type: GGUF_TYPE.ARRAY, itemType: GGUF_TYPE.INT32, value: vocab.tokenTypes },
    "tokenizer.ggml.merges": { type: GGUF_TYPE.ARRAY, itemType: GGUF_TYPE.STRING, value: vocab.merges },
  };
  if (vocab.bosId !== null) metadata["tokenizer.ggml.bos_token_id"] = { type: GGUF_TYPE.UINT32, value: vocab.bosId };
  if (vocab.eosId !== null) metadata["tokenizer.ggml.eos_token_id"] = { type: GGUF_TYPE.UINT32, value: vocab.eosId };
  if (vocab.padId !== null)
    metadata["tokenizer.ggml.padding_token_id"] = { type: GGUF_TYPE.UINT32, value: vocab.padId };
  metadata["tokenizer.ggml.add_bos_token"] = { type: GGUF_TYPE.BOOL, value: vocab.addBos };
  if (vocab.chatTemplate !== null)
    metadata["tokenizer.chat_template"] = { type: GGUF_TYPE.STRING, value: vocab.chatTemplate };
  return metadata;
}
