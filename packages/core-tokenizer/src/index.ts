/**
 * @module @nomen/core-tokenizer — Byte-level BPE that matches llama.cpp and Hugging Face token for token: GGUF and tokenizer.json vocabularies, ChatML with assistant masks, a BPE trainer.
 */
export { packageInfo } from "./packageInfo.js";
