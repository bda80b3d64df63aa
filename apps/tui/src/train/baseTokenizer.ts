import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadGgufTokenizer, Tokenizer, trainBpe, type Vocabulary } from "@nomen/core-tokenizer";
import { loadExamples, writeFileAtomic } from "@nomen/lora-trainer";
import { MissingDependencyError } from "../errors.js";

/** ChatML's specials after the byte (and merge) tokens: the default model's layout (tooling/default-model). */
const CHATML_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

/**
 * The tokenizer of a `nomen train base` run, kept in `<out>/vocabulary.json` so `--resume` (and the GGUF) use the
 * exact same one: "byte" = 256 byte tokens + ChatML specials (259), "bpe:N" = N merges learned from the training
 * file's text on top of them, or a GGUF file's tokenizer.
 */
export async function baseTokenizer(
  vocab: string,
  options: { data: string; out: string; resume: boolean; signal?: AbortSignal },
): Promise<Tokenizer> {
  const saved = join(options.out, "vocabulary.json");
  if (options.resume && existsSync(saved)) {
    const vocabulary = JSON.parse(await readFile(saved, "utf8")) as Vocabulary;
    return Tokenizer.fromVocabulary(vocabulary, { source: saved });
  }
  let tokenizer: Tokenizer;
  if (vocab.endsWith(".gguf")) {
    if (!existsSync(vocab)) throw new MissingDependencyError(`--vocab ${vocab} does not exist.`);
    tokenizer = await loadGgufTokenizer(vocab, { signal: options.signal });
  } else {
    const merges = vocab === "byte" ? 0 : Number(vocab.slice("bpe:".length));
    const corpus = merges > 0 ? await trainingText(options.data, options.signal) : [];
    const vocabulary = trainBpe(corpus, { merges, specialTokens: CHATML_SPECIALS, signal: options.signal });
    tokenizer = Tokenizer.fromVocabulary(vocabulary, { source: `${vocab} vocabulary` });
  }
  await writeFileAtomic(saved, `${JSON.stringify(tokenizer.vocabulary)}\n`);
  return tokenizer;
}

/** Every message's text, one string per message (what BPE merges are learned from). */
async function trainingText(data: string, signal?: AbortSignal): Promise<string[]> {
  const { examples } = await loadExamples(data, { signal });
  return examples.flatMap((example) => example.messages.map((m) => m.content));
}
