import { PairTable } from "../bpe/PairTable.js";
import { BYTE_TO_UNICODE, unicodeToBytes } from "../bytes/byteUnicode.js";
import { InvalidVocabularyError } from "../errors.js";
import { TokenType, type Vocabulary } from "./Vocabulary.js";

/** A special (Control or UserDefined) token: matched in text as a whole string. */
export interface SpecialToken {
  readonly id: number;
  readonly text: string;
  readonly type: TokenType;
}

/** The typed-array form of a vocabulary the encoder and decoder run on. */
export interface CompiledVocabulary {
  /** All tokens' bytes, back to back; token i is `tokenBytes[tokenOffsets[i] .. tokenOffsets[i + 1])`. */
  readonly tokenBytes: Uint8Array;
  readonly tokenOffsets: Int32Array;
  readonly pairs: PairTable;
  readonly byteToId: Int32Array;
  /** Normal token text (as a JS string, when its bytes are valid UTF-8) → id; used when ignoreMerges. */
  readonly wholeTokens: Map<string, number>;
  readonly specials: readonly SpecialToken[];
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Validates a {@link Vocabulary} (collecting every problem) and builds its lookup tables. */
export function compileVocabulary(vocab: Vocabulary, source = "vocabulary"): CompiledVocabulary {
  const problems: string[] = [];
  const { tokens, tokenTypes } = vocab;
  if (tokens.length !== tokenTypes.length)
    problems.push(`${tokens.length} tokens but ${tokenTypes.length} token types`);
  const index = new Map<string, number>();
  const specials: SpecialToken[] = [];
  const pieces: Uint8Array[] = new Array(tokens.length);
  let totalBytes = 0;
  for (let id = 0; id < tokens.length; id++) {
    const text = tokens[id];
    const type = tokenTypes[id] ?? TokenType.Normal;
    if (typeof text !== "string") {
      problems.push(`token ${id} is not a string`);
      pieces[id] = new Uint8Array(0);
      continue;
    }
    let bytes: Uint8Array | null;
    if (type === TokenType.Control || type === TokenType.UserDefined) {
      bytes = utf8.encode(text);
      if (text.length > 0) specials.push({ id, text, type });
    } else {
      bytes = unicodeToBytes(text);
      if (bytes === null) {
        if (type === TokenType.Normal || type === TokenType.Byte)
          problems.push(`token ${id} ${JSON.stringify(text.slice(0, 20))} is not in byte↔unicode form`);
        bytes = utf8.encode(text);
      } else if (type === TokenType.Normal || type === TokenType.Byte) {
        if (!index.has(text)) index.set(text, id);
      }
    }
    pieces[id] = bytes;
    totalBytes += bytes.length;
  }
  const tokenBytes = new Uint8Array(totalBytes);
  const tokenOffsets = new Int32Array(tokens.length + 1);
  let offset = 0;
  for (let id = 0; id < tokens.length; id++) {
    tokenOffsets[id] = offset;
    tokenBytes.set(pieces[id] as Uint8Array, offset);
    offset += (pieces[id] as Uint8Array).length;
  }
  tokenOffsets[tokens.length] = offset;

  const byteToId = new Int32Array(256).fill(-1);
  const missingBytes: number[] = [];
  for (let byte = 0; byte < 256; byte++) {
    const id = index.get(BYTE_TO_UNICODE[byte] as string);
    if (id === undefined) missingBytes.push(byte);
    else byteToId[byte] = id;
  }
  if (missingBytes.length > 0)
    problems.push(`${missingBytes.length} of the 256 byte tokens are missing (first: byte ${missingBytes[0]})`);

  const pairs = vocab.model === "ranks" ? pairsFromRanks(index) : pairsFromMerges(vocab.merges, index, problems);
  const wholeTokens = new Map<string, number>();
  if (vocab.ignoreMerges) {
    for (const id of index.values()) {
      const bytes = pieces[id] as Uint8Array;
      try {
        const decoded = strictUtf8.decode(bytes);
        if (!wholeTokens.has(decoded)) wholeTokens.set(decoded, id);
      } catch {
        // Not valid UTF-8 on its own: a piece (always valid text) can never equal it.
      }
    }
  }
  for (const [name, id] of [
    ["bos", vocab.bosId],
    ["eos", vocab.eosId],
    ["pad", vocab.padId],
  ] as const) {
    if (id !== null && !(Number.isInteger(id) && id >= 0 && id < tokens.length))
      problems.push(`${name} id ${id} is outside [0, ${tokens.length - 1}]`);
  }
  if (problems.length > 0) throw new InvalidVocabularyError(source, problems);
  specials.sort((a, b) => b.text.length - a.text.length || a.id - b.id);
  return { tokenBytes, tokenOffsets, pairs, byteToId, wholeTokens, specials };
}

function pairsFromMerges(merges: readonly string[], index: Map<string, number>, problems: string[]): PairTable {
  const pairs = new PairTable(merges.length);
  let bad = 0;
  for (let rank = 0; rank < merges.length; rank++) {
    const merge = merges[rank] as string;
    const space = merge.indexOf(" ", 1);
    const leftText = space > 0 ? merge.slice(0, space) : "";
    const rightText = space > 0 ? merge.slice(space + 1) : "";
    const left = index.get(leftText);
    const right = index.get(rightText);
    const merged = index.get(leftText + rightText);
    if (left === undefined || right === undefined || merged === undefined) {
      if (bad++ < 3)
        problems.push(`merge ${rank} ${JSON.stringify(merge)} refers to a token that is not in the vocabulary`);
      continue;
    }
    pairs.add(left, right, rank, merged);
  }
  if (bad > 3) problems.push(`${bad} merges in all refer to missing tokens`);
  return pairs;
}

/** tiktoken semantics: merging two tokens is allowed when their concatenation is a token; its id is the rank. */
function pairsFromRanks(index: Map<string, number>): PairTable {
  let expected = 0;
  for (const [text] of index) expected += Math.max(0, text.length - 1);
  const pairs = new PairTable(expected);
  for (const [text, id] of index) {
    for (let split = 1; split < text.length; split++) {
      const left = index.get(text.slice(0, split));
      const right = index.get(text.slice(split));
      if (left !== undefined && right !== undefined) pairs.add(left, right, id, id);
    }
  }
  return pairs;
}
