/**
 * @module @nomen/lora-trainer — Llama/Qwen2 in TensorFlow.js: GGUF in, LoRA or from-scratch training, GGUF and PEFT adapters out.
 */
export { packageInfo } from "./packageInfo.js";
