import { createStreamDecoder, type StreamDecoder } from "./decode/createDecoder.js";
import { PieceEncoder } from "./encode/PieceEncoder.js";
import { SafeCutBuffer } from "./encode/SafeCutBuffer.js";
import { specialPattern, splitSpecialTokens } from "./encode/splitSpecialTokens.js";
import { InvalidTextError, InvalidUtf8Error, UnknownTokenIdError } from "./errors.js";
import {
  createPreTokenizer,
  preTokenizerFromRegex,
  SUPPORTED_PRE_TOKENIZERS,
} from "./preTokenizers/createPreTokenizer.js";
import type { PreTokenizer } from "./preTokenizers/PreTokenizer.js";
import { type CompiledVocabulary, compileVocabulary, type SpecialToken } from "./vocab/compileVocabulary.js";
import { TokenType, type Vocabulary } from "./vocab/Vocabulary.js";

/** Options for {@link Tokenizer.fromVocabulary}. */
export interface TokenizerOptions {
  /** Pieces kept in the BPE cache (per generation, see PieceCache). Defaults to 50,000. */
  cacheSize?: number;
  /** Pieces longer than this many UTF-16 units are not cached. Defaults to 128. */
  maxCachedPieceLength?: number;
  /** Names the vocabulary's origin in error messages. Defaults to "vocabulary". */
  source?: string;
}

/** Options for {@link Tokenizer.encode}, {@link Tokenizer.count} and friends. */
export interface EncodeOptions {
  /**
   * Turn Control token text such as "<|im_start|>" into its id. When false the text is encoded as
   * ordinary characters (UserDefined tokens such as "<think>" are always split out, as llama.cpp and
   * Hugging Face do). Defaults to false.
   */
  parseSpecial?: boolean;
  /** Prepend the BOS token. Defaults to the vocabulary's `addBos` (false for Qwen). */
  addBos?: boolean;
}

/** Options for {@link Tokenizer.decode} and {@link Tokenizer.createDecoder}. */
export interface DecodeOptions {
  /** Drop Control tokens (as llama.cpp's detokenize does by default). Defaults to false. */
  skipSpecialTokens?: boolean;
  /** Throw {@link InvalidUtf8Error} on invalid UTF-8 instead of writing U+FFFD. Defaults to false. */
  fatal?: boolean;
}

/**
 * Byte-level BPE tokenizer: encode, decode, count, streaming, special tokens. Build one with
 * {@link Tokenizer.fromVocabulary} or a loader (`fromTokenizerJson`, `fromGgufMetadata`, `fromTiktokenRanks`).
 *
 * @example
 * const tokenizer = Tokenizer.fromVocabulary(vocabularyFromTokenizerJson(json));
 * tokenizer.encode("Hello world"); // [9707, 1879]
 */
export class Tokenizer {
  readonly vocabulary: Vocabulary;
  readonly preTokenizer: PreTokenizer;
  readonly #compiled: CompiledVocabulary;
  readonly #pieces: PieceEncoder;
  readonly #controlIds: Uint8Array;
  /** Matches every special token / only UserDefined ones; null when there are none. */
  readonly #allSpecials: RegExp | null;
  readonly #userSpecials: RegExp | null;
  readonly #specialIds: Map<string, number>;
  /** Whether the newline cut of encodeStream is safe for this pre-tokenizer (not for GPT-2's `\s+(?!\S)`-first regex). */
  readonly #streamCuts: boolean;

  private constructor(vocabulary: Vocabulary, options: TokenizerOptions) {
    this.vocabulary = vocabulary;
    this.preTokenizer = SUPPORTED_PRE_TOKENIZERS.includes(vocabulary.pre)
      ? createPreTokenizer(vocabulary.pre)
      : preTokenizerFromRegex(vocabulary.pre);
    this.#compiled = compileVocabulary(vocabulary, options.source);
    this.#pieces = new PieceEncoder(this.#compiled, {
      pattern: this.preTokenizer.pattern,
      nfc: vocabulary.normalizer === "NFC",
      ignoreMerges: vocabulary.ignoreMerges,
      cacheSize: options.cacheSize ?? 50_000,
      maxCachedPieceLength: options.maxCachedPieceLength ?? 128,
    });
    this.#streamCuts = this.preTokenizer.name === "qwen2" || this.preTokenizer.name === "llama-bpe";
    this.#controlIds = new Uint8Array(vocabulary.tokens.length);
    const specials = this.#compiled.specials;
    for (const special of specials) if (special.type === TokenType.Control) this.#controlIds[special.id] = 1;
    this.#specialIds = new Map(specials.map((s) => [s.text, s.id]));
    this.#allSpecials = specialPattern(specials);
    this.#userSpecials = specialPattern(specials.filter((s) => s.type === TokenType.UserDefined));
  }

  /** Builds a tokenizer; throws InvalidVocabularyError listing every problem in the vocabulary. */
  static fromVocabulary(vocabulary: Vocabulary, options: TokenizerOptions = {}): Tokenizer {
    return new Tokenizer(vocabulary, options);
  }

  /** Number of tokens (the largest id + 1). */
  get size(): number {
    return this.vocabulary.tokens.length;
  }
  get bosId(): number | null {
    return this.vocabulary.bosId;
  }
  get eosId(): number | null {
    return this.vocabulary.eosId;
  }
  get padId(): number | null {
    return this.vocabulary.padId;
  }
  /** Control and UserDefined tokens, longest first. */
  get specialTokens(): readonly SpecialToken[] {
    return this.#compiled.specials;
  }
  /** Id of a special token's text ("<|im_end|>"), or undefined. */
  specialTokenId(text: string): number | undefined {
    return this.#specialIds.get(text);
  }

  /** Token ids of `text`. */
  encode(text: string, options: EncodeOptions = {}): number[] {
    const out: number[] = [];
    if (options.addBos ?? this.vocabulary.addBos) this.#pushBos(out);
    this.#encodeInto(checkText(text), options.parseSpecial === true, out);
    return out;
  }

  /** Number of tokens `encode` would return, without building the whole array. */
  count(text: string, options: EncodeOptions = {}): number {
    let total = (options.addBos ?? this.vocabulary.addBos) && this.vocabulary.bosId !== null ? 1 : 0;
    const batch: number[] = [];
    this.#forEachSegment(
      checkText(text),
      options.parseSpecial === true,
      (segment) => {
        this.#pieces.encodeSegment(segment, batch);
        total += batch.length;
        batch.length = 0;
      },
      () => {
        total++;
      },
    );
    return total;
  }

  /** Yields token ids piece by piece (a pre-tokenizer piece or a special token at a time). */
  *encodeGenerator(text: string, options: EncodeOptions = {}): Generator<number[], void, undefined> {
    checkText(text);
    if (options.addBos ?? this.vocabulary.addBos) {
      const bos: number[] = [];
      this.#pushBos(bos);
      if (bos.length > 0) yield bos;
    }
    const segments: Array<string | number> = [];
    this.#forEachSegment(
      text,
      options.parseSpecial === true,
      (s) => segments.push(s),
      (id) => segments.push(id),
    );
    for (const segment of segments) {
      if (typeof segment === "number") yield [segment];
      else yield* this.#pieces.pieces(segment);
    }
  }

  /**
   * Encodes text that arrives in chunks (a stream, a file read in parts) with exactly the ids
   * `encode(allChunksJoined)` gives. Text is cut after a newline that is followed by a non-space
   * character: no piece, special token or NFC composition crosses such a point in the supported
   * Qwen2 and Llama 3 pre-tokenizers. Text without such a point (or any text, for other
   * pre-tokenizers) is held until the end; each chunk is scanned once, so this stays linear.
   */
  async *encodeStream(
    chunks: AsyncIterable<string> | Iterable<string>,
    options: EncodeOptions & { signal?: AbortSignal } = {},
  ): AsyncGenerator<number[], void, undefined> {
    const buffer = new SafeCutBuffer(this.#streamCuts);
    let addBos = options.addBos ?? this.vocabulary.addBos;
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted();
      const ready = buffer.push(checkText(chunk));
      if (ready !== null) {
        yield this.encode(ready, { ...options, addBos });
        addBos = false;
      }
    }
    const rest = this.encode(buffer.flush(), { ...options, addBos });
    if (rest.length > 0) yield rest;
  }

  /** Text of `ids`. Unknown ids throw {@link UnknownTokenIdError}; invalid UTF-8 becomes U+FFFD unless `fatal`. */
  decode(ids: readonly number[] | Int32Array | Uint32Array, options: DecodeOptions = {}): string {
    const bytes = this.#bytesOf(ids, options.skipSpecialTokens === true);
    try {
      return (options.fatal ? strictDecoder : lenientDecoder).decode(bytes);
    } catch (cause) {
      throw new InvalidUtf8Error(`${bytes.length} bytes from ${ids.length} tokens`, { cause });
    }
  }

  /** An incremental decoder for streaming generation: safe for characters split across tokens. */
  createDecoder(options: DecodeOptions = {}): StreamDecoder {
    const skip = options.skipSpecialTokens === true;
    return createStreamDecoder((ids) => this.#bytesOf(ids, skip), options.fatal === true);
  }

  /** The stored text of one token (mapped form for normal tokens), or undefined. */
  idToToken(id: number): string | undefined {
    return this.vocabulary.tokens[id];
  }

  /** The raw bytes of one token. */
  tokenBytes(id: number): Uint8Array {
    this.#checkId(id);
    const { tokenBytes, tokenOffsets } = this.#compiled;
    return tokenBytes.slice(tokenOffsets[id], tokenOffsets[id + 1]);
  }

  /** Number of bytes token `id` decodes to. */
  tokenByteLength(id: number): number {
    this.#checkId(id);
    return (this.#compiled.tokenOffsets[id + 1] as number) - (this.#compiled.tokenOffsets[id] as number);
  }

  /** Empties the piece cache (e.g. after encoding a one-off huge corpus). */
  clearCache(): void {
    this.#pieces.clearCache();
  }

  #pushBos(out: number[]): void {
    if (this.vocabulary.bosId !== null) out.push(this.vocabulary.bosId);
  }

  #encodeInto(text: string, parseSpecial: boolean, out: number[]): void {
    this.#forEachSegment(
      text,
      parseSpecial,
      (segment) => this.#pieces.encodeSegment(segment, out),
      (id) => out.push(id),
    );
  }

  /** Splits text at special tokens (all of them when parseSpecial, else only UserDefined). */
  #forEachSegment(
    text: string,
    parseSpecial: boolean,
    onText: (s: string) => void,
    onSpecial: (id: number) => void,
  ): void {
    splitSpecialTokens(
      text,
      parseSpecial ? this.#allSpecials : this.#userSpecials,
      this.#specialIds,
      onText,
      onSpecial,
    );
  }

  #checkId(id: number): void {
    if (!(Number.isInteger(id) && id >= 0 && id < this.vocabulary.tokens.length))
      throw new UnknownTokenIdError(id, this.vocabulary.tokens.length);
  }

  #bytesOf(ids: ArrayLike<number>, skipControl: boolean): Uint8Array {
    const { tokenBytes, tokenOffsets } = this.#compiled;
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      this.#checkId(id);
      if (!(skipControl && this.#controlIds[id] === 1))
        total += (tokenOffsets[id + 1] as number) - (tokenOffsets[id] as number);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (skipControl && this.#controlIds[id] === 1) continue;
      const from = tokenOffsets[id] as number;
      const to = tokenOffsets[id + 1] as number;
      for (let j = from; j < to; j++) bytes[at++] = tokenBytes[j] as number;
    }
    return bytes;
  }
}

const lenientDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function checkText(text: unknown): string {
  if (typeof text !== "string") throw new InvalidTextError(text);
  return text;
}
