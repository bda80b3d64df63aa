import { InvalidVocabularyError } from "../errors.js";
import { SUPPORTED_PRE_TOKENIZERS } from "../preTokenizers/createPreTokenizer.js";
import { plainValue } from "./ggufMetadata.js";
import { TokenType, type Vocabulary } from "./Vocabulary.js";

/**
 * Reads the tokenizer keys of GGUF metadata (a key → value record, plain or typed `{ type, value }`
 * as `@nomen/gguf` returns them): `tokenizer.ggml.model` "gpt2", `.tokens`, `.merges`, `.token_type`,
 * `.pre` (qwen2 / llama-bpe / gpt-2), `.bos/eos/padding_token_id`, `.add_bos_token` and
 * `tokenizer.chat_template`. No normalizer: llama.cpp applies none. Throws
 * {@link InvalidVocabularyError} listing every problem.
 *
 * @example
 * const file = await openGguf("model.gguf");
 * const tokenizer = Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(file.metadata));
 */
export function vocabularyFromGgufMetadata(metadata: Readonly<Record<string, unknown>>): Vocabulary {
  const problems: string[] = [];
  const get = (key: string): unknown => (Object.hasOwn(metadata, key) ? plainValue(metadata[key]) : undefined);
  const model = get("tokenizer.ggml.model");
  if (model !== "gpt2")
    problems.push(`tokenizer.ggml.model is ${JSON.stringify(model)}, expected "gpt2" (byte-level BPE)`);
  const tokens = get("tokenizer.ggml.tokens");
  if (!isStringArray(tokens)) problems.push("tokenizer.ggml.tokens must be an array of strings");
  const merges = get("tokenizer.ggml.merges");
  if (!isStringArray(merges)) problems.push("tokenizer.ggml.merges must be an array of strings");
  const count = Array.isArray(tokens) ? tokens.length : 0;
  const rawTypes = get("tokenizer.ggml.token_type");
  let tokenTypes: TokenType[] = new Array<TokenType>(count).fill(TokenType.Normal);
  if (rawTypes !== undefined) {
    const types = Array.from(rawTypes as ArrayLike<number>, Number) as TokenType[];
    if (types.length !== count) problems.push(`token_type has ${types.length} entries for ${count} tokens`);
    else if (types.some((t) => !(t >= 1 && t <= 6))) problems.push("token_type values must be 1..6");
    else tokenTypes = types;
  }
  const pre = get("tokenizer.ggml.pre") ?? "default";
  if (typeof pre !== "string" || !SUPPORTED_PRE_TOKENIZERS.includes(pre))
    problems.push(`tokenizer.ggml.pre ${JSON.stringify(pre)} is not one of ${SUPPORTED_PRE_TOKENIZERS.join(", ")}`);
  const id = (key: string): number | null => {
    const value = get(key);
    if (value === undefined) return null;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n >= count) {
      problems.push(`${key} ${String(value)} is not a token id below ${count}`);
      return null;
    }
    return n;
  };
  const bosId = id("tokenizer.ggml.bos_token_id");
  const eosId = id("tokenizer.ggml.eos_token_id");
  const padId = id("tokenizer.ggml.padding_token_id");
  if (problems.length > 0) throw new InvalidVocabularyError("GGUF metadata", problems);
  const template = get("tokenizer.chat_template");
  return {
    tokens: tokens as string[],
    tokenTypes,
    model: "merges",
    merges: merges as string[],
    pre: pre as string,
    normalizer: null,
    // llama.cpp forces ignore_merges for the llama-bpe pre-tokenizer.
    ignoreMerges: pre === "llama-bpe",
    bosId,
    eosId,
    padId,
    addBos: get("tokenizer.ggml.add_bos_token") === true,
    chatTemplate: typeof template === "string" ? template : null,
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
