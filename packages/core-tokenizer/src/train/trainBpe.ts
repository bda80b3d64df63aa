import { BYTE_ORDER, BYTE_TO_UNICODE } from "../bytes/byteUnicode.js";
import { CHATML_TEMPLATE } from "../chat/chatml.js";
import { InvalidTrainingOptionsError } from "../errors.js";
import { createPreTokenizer } from "../preTokenizers/createPreTokenizer.js";
import { TokenType, type Vocabulary } from "../vocab/Vocabulary.js";
import { countWords } from "./countWords.js";
import { PairCounts } from "./PairCounts.js";
import { PairHeap } from "./PairHeap.js";

/** Options for {@link trainBpe}. */
export interface TrainBpeOptions {
  /** Number of merges to learn (the vocabulary gets 256 byte tokens + merges + special tokens). */
  merges: number;
  /** Special tokens appended after the merges, as Control tokens. Defaults to ChatML's three: <|endoftext|>, <|im_start|>, <|im_end|>. */
  specialTokens?: readonly string[];
  /** Pre-tokenizer. Defaults to "qwen2". */
  pre?: string;
  /** Stop early when the best pair occurs fewer times than this. Defaults to 2. */
  minFrequency?: number;
  /** EOS token (must be one of specialTokens). Defaults to "<|im_end|>" when present. */
  eosToken?: string;
  /** Padding token (must be one of specialTokens). Defaults to "<|endoftext|>" when present. */
  padToken?: string;
  /** Checked every few thousand words and every 64 merges. */
  signal?: AbortSignal;
}

const KEY_SCALE = 1 << 21; // ids below 2M: a pair key (left * KEY_SCALE + right) stays an exact double

/**
 * Learns byte-level BPE merges from a corpus, deterministically (ties go to the smaller pair of ids).
 * The result is a {@link Vocabulary} whose merges, applied by `Tokenizer`, llama.cpp or Hugging Face,
 * give the same ids; write it into GGUF with `tokenizerGgufMetadata`.
 *
 * @example
 * const vocab = trainBpe(descriptions, { merges: 1000 });
 * const tokenizer = Tokenizer.fromVocabulary(vocab);
 */
export function trainBpe(corpus: Iterable<string>, options: TrainBpeOptions): Vocabulary {
  const { merges: mergeCount, minFrequency = 2, signal } = options;
  const specials = options.specialTokens ?? ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];
  if (!Number.isInteger(mergeCount) || mergeCount < 0 || mergeCount > KEY_SCALE - 512)
    throw new InvalidTrainingOptionsError(`merges must be an integer in [0, ${KEY_SCALE - 512}], got ${mergeCount}.`);
  if (new Set(specials).size !== specials.length || specials.some((s) => typeof s !== "string" || s.length === 0))
    throw new InvalidTrainingOptionsError(
      `specialTokens must be distinct non-empty strings, got ${JSON.stringify(specials)}.`,
    );
  const pre = createPreTokenizer(options.pre ?? "qwen2");

  const tokens: string[] = BYTE_ORDER.map((byte) => BYTE_TO_UNICODE[byte] as string);
  const tokenIds = new Map(tokens.map((t, id) => [t, id]));
  const byteId = new Int32Array(256);
  BYTE_ORDER.forEach((byte, id) => {
    byteId[byte] = id;
  });

  // Words as arrays of byte-token ids, with their corpus counts.
  const encoder = new TextEncoder();
  const words: number[][] = [];
  const wordCounts: number[] = [];
  for (const [word, count] of countWords(corpus, pre, signal)) {
    words.push(Array.from(encoder.encode(word), (b) => byteId[b] as number));
    wordCounts.push(count);
  }

  // Pair keys stay small integers (V8 Smis, fast Map keys) while every id fits in 15 bits.
  const keyScale = 256 + mergeCount < 1 << 15 ? 1 << 15 : KEY_SCALE;
  const pairs = new PairCounts(words.length * 4);
  for (let w = 0; w < words.length; w++) {
    const symbols = words[w] as number[];
    for (let i = 0; i + 1 < symbols.length; i++)
      pairs.add((symbols[i] as number) * keyScale + (symbols[i + 1] as number), wordCounts[w] as number, w);
  }
  const heap = new PairHeap();
  pairs.forEach((key, count) => {
    heap.push(count, key);
  });

  const visited = new Int32Array(words.length).fill(-1);
  const merges: string[] = [];
  const touched = new Set<number>();
  while (merges.length < mergeCount && heap.size > 0) {
    if ((merges.length & 63) === 0) signal?.throwIfAborted();
    const [count, key] = heap.pop();
    if (pairs.get(key) !== count) continue; // stale entry
    if (count < minFrequency) break;
    const left = Math.floor(key / keyScale);
    const right = key % keyScale;
    const text = (tokens[left] as string) + (tokens[right] as string);
    let merged = tokenIds.get(text);
    if (merged === undefined) {
      merged = tokens.length;
      tokens.push(text);
      tokenIds.set(text, merged);
    }
    const step = merges.length;
    merges.push(`${tokens[left]} ${tokens[right]}`);
    touched.clear();
    for (const w of pairs.words(key)) {
      if (visited[w] === step) continue;
      visited[w] = step;
      mergeInWord(w, left, right, merged, touched);
    }
    pairs.clear(key);
    for (const changed of touched) {
      const current = pairs.get(changed);
      if (current > 0) heap.push(current, changed);
    }
  }

  /** Merges every (left, right) in word w, left to right, updating pair counts of the neighbours. */
  function mergeInWord(w: number, left: number, right: number, merged: number, touched: Set<number>): void {
    const symbols = words[w] as number[];
    const count = wordCounts[w] as number;
    for (let i = 0; i + 1 < symbols.length; i++) {
      if (symbols[i] !== left || symbols[i + 1] !== right) continue;
      if (i > 0) {
        const before = symbols[i - 1] as number;
        pairs.add(before * keyScale + left, -count, w);
        pairs.add(before * keyScale + merged, count, w);
        touched.add(before * keyScale + left);
        touched.add(before * keyScale + merged);
      }
      if (i + 2 < symbols.length) {
        const after = symbols[i + 2] as number;
        pairs.add(right * keyScale + after, -count, w);
        pairs.add(merged * keyScale + after, count, w);
        touched.add(right * keyScale + after);
        touched.add(merged * keyScale + after);
      }
      symbols.splice(i, 2, merged);
    }
  }

  const firstSpecial = tokens.length;
  tokens.push(...specials);
  const tokenTypes: TokenType[] = tokens.map((_, id) => (id < firstSpecial ? TokenType.Normal : TokenType.Control));
  const specialId = (text: string | undefined, fallback: string): number | null => {
    const wanted = text ?? fallback;
    const index = specials.indexOf(wanted);
    if (index < 0 && text !== undefined)
      throw new InvalidTrainingOptionsError(
        `${JSON.stringify(text)} is not one of specialTokens ${JSON.stringify(specials)}.`,
      );
    return index < 0 ? null : firstSpecial + index;
  };
  const hasChatMl = specials.includes("<|im_start|>") && specials.includes("<|im_end|>");
  return {
    tokens,
    tokenTypes,
    model: "merges",
    merges,
    pre: pre.name,
    normalizer: null,
    ignoreMerges: false,
    bosId: null,
    eosId: specialId(options.eosToken, "<|im_end|>"),
    padId: specialId(options.padToken, "<|endoftext|>"),
    addBos: false,
    chatTemplate: hasChatMl ? CHATML_TEMPLATE : null,
  };
}
