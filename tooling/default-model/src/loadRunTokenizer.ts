import { readFile } from "node:fs/promises";
import { Tokenizer, type Vocabulary } from "@nomen/core-tokenizer";
import { PipelineInputError } from "./errors.js";

/** The tokenizer `prepareRun` stored in `data/vocabulary.json`. */
export async function loadRunTokenizer(path: string): Promise<Tokenizer> {
  let vocabulary: Vocabulary;
  try {
    vocabulary = JSON.parse(await readFile(path, "utf8")) as Vocabulary;
  } catch (cause) {
    throw new PipelineInputError(`cannot read the run's vocabulary ${path}. Hint: run the prepare step first.`, {
      cause,
    });
  }
  return Tokenizer.fromVocabulary(vocabulary, { source: path });
}
