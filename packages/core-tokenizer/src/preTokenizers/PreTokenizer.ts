/**
 * A pre-tokenizer splits text into pieces before BPE; merges never cross a piece boundary. Every
 * variant is one global, unicode-aware regex whose matches (plus any unmatched gaps) are the pieces.
 */
export interface PreTokenizer {
  /** The GGUF `tokenizer.ggml.pre` name, or "custom". */
  readonly name: string;
  /** Global (`g`) unicode (`u`) regex. */
  readonly pattern: RegExp;
}
