import { BpeCore } from "../bpe/BpeCore.js";
import { encodeUtf8Into } from "../bytes/utf8.js";
import { PieceCache } from "../PieceCache.js";
import type { CompiledVocabulary } from "../vocab/compileVocabulary.js";
import { splitPieces } from "./splitPieces.js";

/** Settings of a {@link PieceEncoder}; `Tokenizer` fills them from its vocabulary and options. */
export interface PieceEncoderOptions {
  /** The pre-tokenizer regex (its flags are replaced with "gu"). */
  pattern: RegExp;
  /** Apply NFC to each segment before splitting it (Hugging Face's NFC normalizer). */
  nfc: boolean;
  /** Look whole pieces up in the vocabulary before merging (llama.cpp's ignore_merges). */
  ignoreMerges: boolean;
  cacheSize: number;
  maxCachedPieceLength: number;
}

/**
 * The BPE stage of encoding: splits text without special tokens into pre-tokenizer pieces and turns
 * each piece into ids (ASCII fast path, piece cache, whole-token lookup, then byte-pair merges).
 */
export class PieceEncoder {
  readonly #core: BpeCore;
  readonly #byteToId: Int32Array;
  readonly #cache: PieceCache;
  readonly #maxCached: number;
  readonly #pattern: RegExp;
  readonly #nfc: boolean;
  readonly #whole: Map<string, number> | null;
  #scratch = new Uint8Array(1024);

  constructor(compiled: CompiledVocabulary, options: PieceEncoderOptions) {
    this.#core = new BpeCore(compiled.pairs, compiled.byteToId);
    this.#byteToId = compiled.byteToId;
    this.#cache = new PieceCache(options.cacheSize);
    this.#maxCached = options.maxCachedPieceLength;
    this.#pattern = new RegExp(options.pattern.source, "gu");
    this.#nfc = options.nfc;
    this.#whole = options.ignoreMerges ? compiled.wholeTokens : null;
  }

  /** Appends the ids of `segment` (text between special tokens) to `out`. */
  encodeSegment(segment: string, out: number[]): void {
    const text = this.#nfc ? segment.normalize("NFC") : segment;
    const pattern = this.#pattern;
    pattern.lastIndex = 0;
    let end = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const piece = match[0];
      if (match.index > end) this.#encodePiece(text.slice(end, match.index), out);
      if (piece.length === 0) {
        pattern.lastIndex++;
        continue;
      }
      this.#encodePiece(piece, out);
      end = match.index + piece.length;
    }
    if (end < text.length) this.#encodePiece(text.slice(end), out);
  }

  /** Yields the ids of `segment` one pre-tokenizer piece at a time. */
  *pieces(segment: string): Generator<number[], void, undefined> {
    const pattern = new RegExp(this.#pattern.source, "gu");
    for (const piece of splitPieces(pattern, this.#nfc ? segment.normalize("NFC") : segment)) {
      const ids: number[] = [];
      this.#encodePiece(piece, ids);
      yield ids;
    }
  }

  clearCache(): void {
    this.#cache.clear();
  }

  #encodePiece(piece: string, out: number[]): void {
    const length = piece.length;
    if (length === 1) {
      const code = piece.charCodeAt(0);
      if (code < 0x80) {
        out.push(this.#byteToId[code] as number);
        return;
      }
    }
    const cached = this.#cache.get(piece);
    if (cached !== undefined) {
      if (typeof cached === "number") out.push(cached);
      else for (let i = 0; i < cached.length; i++) out.push(cached[i] as number);
      return;
    }
    const whole = this.#whole?.get(piece);
    if (whole !== undefined) {
      out.push(whole);
      return;
    }
    if (this.#scratch.length < length * 3) this.#scratch = new Uint8Array(length * 3);
    const byteLength = encodeUtf8Into(piece, this.#scratch);
    const start = out.length;
    this.#core.encodeBytes(this.#scratch, byteLength, out);
    if (length <= this.#maxCached)
      this.#cache.set(piece, out.length - start === 1 ? (out[start] as number) : out.slice(start));
  }
}
