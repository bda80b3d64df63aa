/**
 * @module @nomen/metal-runtime — Run GGUF models close to the metal (Metal, CUDA, Vulkan or CPU through node-llama-cpp) or on a remote OpenAI-compatible engine.
 */
export { packageInfo } from "./packageInfo.js";
