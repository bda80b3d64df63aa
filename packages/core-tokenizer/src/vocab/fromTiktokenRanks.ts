import { bytesToUnicode } from "../bytes/byteUnicode.js";
import { InvalidVocabularyError } from "../errors.js";
import { TokenType, type Vocabulary } from "./Vocabulary.js";

/** Options for {@link vocabularyFromTiktokenRanks}. */
export interface TiktokenRanksOptions {
  /** Special tokens and their ids (cl100k: `{"<|endoftext|>": 100257, …}`). Defaults to none. */
  specialTokens?: Readonly<Record<string, number>>;
  /** Pre-tokenizer name. Defaults to "llama-bpe" (cl100k_base's regex). */
  pre?: string;
}

/**
 * Reads tiktoken mergeable ranks: either a `.tiktoken` file ("<base64 bytes> <rank>" per line) or the
 * `bpe_ranks` string of the `tiktoken` npm package's encoder JSON ("<label> <first rank> <base64>…"
 * per line, consecutive ranks). A token's id is its rank; merging follows tiktoken (lowest-ranked
 * adjacent concatenation first; a whole piece that is a token is taken as is).
 */
export function vocabularyFromTiktokenRanks(ranks: string, options: TiktokenRanksOptions = {}): Vocabulary {
  const tokens: string[] = [];
  const tokenTypes: TokenType[] = [];
  const problems: string[] = [];
  for (const line of ranks.split("\n")) {
    if (line.trim() === "") continue;
    const fields = line.trim().split(" ");
    if (fields.length === 2) {
      set(Number(fields[1]), fields[0] as string);
    } else {
      const first = Number(fields[1]);
      for (let i = 2; i < fields.length; i++) set(first + i - 2, fields[i] as string);
    }
  }
  function set(rank: number, base64: string): void {
    if (!Number.isInteger(rank) || rank < 0) {
      if (problems.length < 5) problems.push(`bad rank ${JSON.stringify(rank)}`);
      return;
    }
    tokens[rank] = bytesToUnicode(Buffer.from(base64, "base64"));
    tokenTypes[rank] = TokenType.Normal;
  }
  for (const [text, id] of Object.entries(options.specialTokens ?? {})) {
    if (tokens[id] !== undefined) problems.push(`special token ${text} reuses rank ${id}`);
    tokens[id] = text;
    tokenTypes[id] = TokenType.Control;
  }
  for (let id = 0; id < tokens.length; id++) {
    if (tokens[id] === undefined) {
      tokens[id] = `[UNUSED${id}]`;
      tokenTypes[id] = TokenType.Unused;
    }
  }
  if (tokens.length < 256) problems.push(`only ${tokens.length} ranks; a byte-level vocabulary has at least 256`);
  if (problems.length > 0) throw new InvalidVocabularyError("tiktoken ranks", problems);
  return {
    tokens,
    tokenTypes,
    model: "ranks",
    merges: [],
    pre: options.pre ?? "llama-bpe",
    normalizer: null,
    ignoreMerges: true,
    bosId: null,
    eosId: null,
    padId: null,
    addBos: false,
    chatTemplate: null,
  };
}
