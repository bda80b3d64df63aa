/**
 * @module @nomen/core-tokenizer — Byte-level BPE that matches llama.cpp and Hugging Face token for token: GGUF and tokenizer.json vocabularies, ChatML with assistant masks, a BPE trainer.
 */

// Engine parts
export { BpeCore } from "./bpe/BpeCore.js";
export { PairTable } from "./bpe/PairTable.js";
export { BYTE_ORDER, BYTE_TO_UNICODE, bytesToUnicode, unicodeToBytes } from "./bytes/byteUnicode.js";
// Chat template and training
export {
  applyChatTemplate,
  CHATML_TEMPLATE,
  type ChatMessage,
  type ChatTemplateOptions,
  type ChatTemplateResult,
} from "./chat/chatml.js";
export type { StreamDecoder } from "./decode/createDecoder.js";
// Errors
export {
  ChatTemplateError,
  InvalidTextError,
  InvalidTrainingOptionsError,
  InvalidUtf8Error,
  InvalidVocabularyError,
  UnknownTokenIdError,
  UnsupportedGgufExportError,
  UnsupportedPreTokenizerError,
} from "./errors.js";
export { PieceCache } from "./PieceCache.js";
export { packageInfo } from "./packageInfo.js";
export {
  createPreTokenizer,
  preTokenizerFromRegex,
  SUPPORTED_PRE_TOKENIZERS,
} from "./preTokenizers/createPreTokenizer.js";
export type { PreTokenizer } from "./preTokenizers/PreTokenizer.js";
// Tokenizer facade
export {
  type DecodeOptions,
  type EncodeOptions,
  Tokenizer,
  type TokenizerOptions,
} from "./Tokenizer.js";
export { type TrainBpeOptions, trainBpe } from "./train/trainBpe.js";
export type { SpecialToken } from "./vocab/compileVocabulary.js";
export { vocabularyFromGgufMetadata } from "./vocab/fromGgufMetadata.js";
export { type TiktokenRanksOptions, vocabularyFromTiktokenRanks } from "./vocab/fromTiktokenRanks.js";
export {
  type TokenizerConfigJson,
  type TokenizerJsonOptions,
  vocabularyFromTokenizerJson,
} from "./vocab/fromTokenizerJson.js";
export type { GgufTypedValue } from "./vocab/ggufMetadata.js";
export { type LoadGgufTokenizerOptions, loadGgufTokenizer } from "./vocab/loadGgufTokenizer.js";
export { tokenizerGgufMetadata } from "./vocab/toGgufMetadata.js";
// Vocabularies and loaders
export { TokenType, type Vocabulary } from "./vocab/Vocabulary.js";
