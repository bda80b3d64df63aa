import { UnsupportedPreTokenizerError } from "../errors.js";
import { gpt2PreTokenizer } from "./gpt2.js";
import { llama3PreTokenizer } from "./llama3.js";
import type { PreTokenizer } from "./PreTokenizer.js";
import { qwen2PreTokenizer } from "./qwen2.js";

const BY_NAME: Record<string, PreTokenizer> = {
  qwen2: qwen2PreTokenizer,
  "llama-bpe": llama3PreTokenizer,
  llama3: llama3PreTokenizer,
  cl100k: llama3PreTokenizer,
  "gpt-2": gpt2PreTokenizer,
  gpt2: gpt2PreTokenizer,
};

/** The `tokenizer.ggml.pre` values (and aliases) {@link createPreTokenizer} accepts. */
export const SUPPORTED_PRE_TOKENIZERS: readonly string[] = Object.keys(BY_NAME);

/**
 * The pre-tokenizer for a GGUF `tokenizer.ggml.pre` value: "qwen2", "llama-bpe" (also "llama3",
 * "cl100k") or "gpt-2". Throws {@link UnsupportedPreTokenizerError} for anything else.
 */
export function createPreTokenizer(pre: string): PreTokenizer {
  const found = Object.hasOwn(BY_NAME, pre) ? BY_NAME[pre] : undefined;
  if (!found) throw new UnsupportedPreTokenizerError(pre, SUPPORTED_PRE_TOKENIZERS);
  return found;
}

/**
 * A pre-tokenizer from a Hugging Face `Split` regex. Known patterns map to their named variant;
 * others are compiled after expanding `(?i:…)` groups of literal alternatives, the only inline
 * modifier byte-level vocabularies use.
 */
export function preTokenizerFromRegex(source: string): PreTokenizer {
  const expanded = expandCaseInsensitiveGroups(source);
  for (const known of [qwen2PreTokenizer, llama3PreTokenizer, gpt2PreTokenizer]) {
    if (known.pattern.source === expanded) return known;
  }
  try {
    return { name: "custom", pattern: new RegExp(expanded, "gu") };
  } catch (cause) {
    throw new UnsupportedPreTokenizerError(source, [...SUPPORTED_PRE_TOKENIZERS, "a JavaScript-compatible regex"], {
      cause,
    });
  }
}

/** `(?i:'s|'t)` → `(?:'[sS]|'[tT])`: letters in each alternative become two-case classes. */
function expandCaseInsensitiveGroups(source: string): string {
  return source.replace(/\(\?i:([^()[\]\\]*)\)/g, (_, body: string) => {
    const cased = body.replace(/\p{L}/gu, (ch) =>
      ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toLowerCase()}${ch.toUpperCase()}]`,
    );
    return `(?:${cased})`;
  });
}
