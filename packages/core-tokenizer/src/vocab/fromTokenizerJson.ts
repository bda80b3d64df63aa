import { InvalidVocabularyError } from "../errors.js";
import { TokenType, type Vocabulary } from "./Vocabulary.js";

/** tokenizer_config.json fields the loader reads (all optional). */
export interface TokenizerConfigJson {
  bos_token?: string | { content: string } | null;
  eos_token?: string | { content: string } | null;
  pad_token?: string | { content: string } | null;
  add_bos_token?: boolean;
  chat_template?: string | null;
}

/** Options for {@link vocabularyFromTokenizerJson}. */
export interface TokenizerJsonOptions {
  /** The matching tokenizer_config.json, for bos/eos/pad and the chat template. Defaults to none. */
  config?: TokenizerConfigJson;
}

interface AddedTokenJson {
  id: number;
  content: string;
  special?: boolean;
}

/**
 * Reads a Hugging Face `tokenizer.json` holding a byte-level BPE model (GPT-2, Qwen2/3, Llama 3):
 * vocab, merges (either "a b" strings or [a, b] pairs), added tokens (special → Control, others →
 * UserDefined), the Split pre-tokenizer regex and an NFC normalizer. Throws
 * {@link InvalidVocabularyError} listing every unsupported or malformed part.
 */
export function vocabularyFromTokenizerJson(json: unknown, options: TokenizerJsonOptions = {}): Vocabulary {
  const problems: string[] = [];
  const root = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  const model = (root["model"] ?? {}) as Record<string, unknown>;
  if (model["type"] !== "BPE") problems.push(`model.type is ${JSON.stringify(model["type"])}, expected "BPE"`);
  const vocab = model["vocab"];
  if (typeof vocab !== "object" || vocab === null) problems.push("model.vocab is missing");
  const rawMerges = Array.isArray(model["merges"]) ? (model["merges"] as unknown[]) : [];
  if (!Array.isArray(model["merges"])) problems.push("model.merges is missing");
  if (model["byte_fallback"] === true) problems.push("byte_fallback BPE (SentencePiece style) is not byte-level");
  const added = Array.isArray(root["added_tokens"]) ? (root["added_tokens"] as AddedTokenJson[]) : [];
  const pre = readPreTokenizer(root["pre_tokenizer"], problems);
  const normalizer = readNormalizer(root["normalizer"], problems);
  if (problems.length > 0) throw new InvalidVocabularyError("tokenizer.json", problems);

  const tokens: string[] = [];
  const tokenTypes: TokenType[] = [];
  for (const [text, id] of Object.entries(vocab as Record<string, number>)) {
    tokens[id] = text;
    tokenTypes[id] = TokenType.Normal;
  }
  for (const token of added) {
    tokens[token.id] = token.content;
    tokenTypes[token.id] = token.special || looksSpecial(token.content) ? TokenType.Control : TokenType.UserDefined;
  }
  for (let id = 0; id < tokens.length; id++) {
    if (tokens[id] === undefined) {
      tokens[id] = `[PAD${id}]`;
      tokenTypes[id] = TokenType.Unused;
    }
  }
  const merges = rawMerges.map((merge) => (Array.isArray(merge) ? merge.join(" ") : String(merge)));
  const idOf = (field: TokenizerConfigJson["bos_token"]): number | null => {
    const text = typeof field === "string" ? field : field?.content;
    if (text === undefined) return null;
    const id = tokens.indexOf(text);
    return id >= 0 ? id : null;
  };
  const config = options.config ?? {};
  return {
    tokens,
    tokenTypes,
    model: "merges",
    merges,
    pre,
    normalizer,
    ignoreMerges: model["ignore_merges"] === true,
    bosId: idOf(config.bos_token),
    eosId: idOf(config.eos_token),
    padId: idOf(config.pad_token),
    addBos: config.add_bos_token === true,
    chatTemplate: typeof config.chat_template === "string" ? config.chat_template : null,
  };
}

/**
 * llama.cpp's converter (convert_hf_to_gguf `does_token_look_special`) makes these Control even when
 * tokenizer.json says `special: false` (Qwen3's "<|fim_prefix|>"), and llama.cpp itself forces FIM and
 * end-of-turn tokens to Control; following it keeps GGUF ids identical.
 */
function looksSpecial(text: string): boolean {
  return (
    (text.startsWith("<|") && text.endsWith("|>")) ||
    (text.startsWith("<｜") && text.endsWith("｜>")) ||
    (text.startsWith("<unused") && text.endsWith(">")) ||
    ["<pad>", "<mask>", "<2mass>", "[@BOS@]"].includes(text)
  );
}

const GPT2_REGEX = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

/** Sequence[Split(regex, Isolated), ByteLevel(use_regex: false)] or ByteLevel(use_regex: true). */
function readPreTokenizer(node: unknown, problems: string[]): string {
  const config = node as { type?: string; pretokenizers?: unknown[]; use_regex?: boolean; add_prefix_space?: boolean };
  const steps = config?.type === "Sequence" ? (config.pretokenizers ?? []) : [config];
  let regex: string | null = null;
  for (const step of steps as Array<Record<string, unknown>>) {
    if (step?.["type"] === "Split") {
      const pattern = step["pattern"] as { Regex?: string } | undefined;
      if (typeof pattern?.Regex !== "string" || step["behavior"] !== "Isolated" || step["invert"] === true)
        problems.push("only Split pre-tokenizers with an Isolated, non-inverted regex are supported");
      else regex = pattern.Regex;
    } else if (step?.["type"] === "ByteLevel") {
      if (step["add_prefix_space"] === true) problems.push("ByteLevel add_prefix_space is not supported");
      if (step["use_regex"] !== false) regex ??= GPT2_REGEX;
    } else {
      problems.push(`pre-tokenizer ${JSON.stringify(step?.["type"])} is not supported`);
    }
  }
  if (regex === null) problems.push("no split regex found in pre_tokenizer");
  return regex === GPT2_REGEX ? "gpt-2" : (regex ?? "");
}

function readNormalizer(node: unknown, problems: string[]): "NFC" | null {
  if (node === null || node === undefined) return null;
  const type = (node as { type?: string }).type;
  if (type === "NFC") return "NFC";
  problems.push(`normalizer ${JSON.stringify(type)} is not supported (only NFC)`);
  return null;
}
