/**
 * @module @nomen/gguf — Read, validate, write and (de)quantize GGUF files in plain TypeScript: no native code, no TensorFlow.js.
 */
export { packageInfo } from "./packageInfo.js";
