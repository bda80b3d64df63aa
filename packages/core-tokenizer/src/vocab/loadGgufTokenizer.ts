import { openGguf } from "@nomen/gguf";
import { Tokenizer, type TokenizerOptions } from "../Tokenizer.js";
import { vocabularyFromGgufMetadata } from "./fromGgufMetadata.js";

/** Options for {@link loadGgufTokenizer}. */
export interface LoadGgufTokenizerOptions extends TokenizerOptions {
  /** Aborts while the header is read. */
  signal?: AbortSignal;
}

/**
 * The tokenizer of a GGUF model or vocab-only file: reads only the header with `@nomen/gguf`
 * (tensor data stays on disk) and builds a {@link Tokenizer} with llama.cpp's exact ids.
 *
 * @example
 * const tokenizer = await loadGgufTokenizer("models/nomen-tiny.gguf");
 * tokenizer.count("Bakery in Lyon");
 */
export async function loadGgufTokenizer(path: string, options: LoadGgufTokenizerOptions = {}): Promise<Tokenizer> {
  const { signal, ...tokenizerOptions } = options;
  const file = await openGguf(path, { signal });
  return Tokenizer.fromVocabulary(vocabularyFromGgufMetadata(file.metadata), { source: path, ...tokenizerOptions });
}
