import type { LlamaModel } from "node-llama-cpp";
import type { ChatMessage } from "./types.js";

/**
 * GGUF metadata key (bool). When true the model was fine-tuned on lowercased user turns, and the runtime lowercases
 * them too. Nomen's default model sets it: a byte-level model of 0.84M parameters copies `totikoo` into a domain but
 * not `Totikoo` (0 of 42 capitalised probe words), because `T` and `t` are different tokens to it and domains are
 * lowercase anyway. Like an uncased tokenizer's normalizer; other models are rendered as written.
 */
export const LOWERCASE_USER_TURNS_KEY = "nomen.prompt.lowercase_user";

/** The turns with every user turn lowercased (system and assistant turns as written). */
export function lowercaseUserTurns(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.map((m) => (m.role === "user" ? { ...m, content: m.content.toLowerCase() } : { ...m }));
}

/** Whether the model's GGUF asks for lowercased user turns ({@link LOWERCASE_USER_TURNS_KEY}). */
export function wantsLowercaseUserTurns(model: Pick<LlamaModel, "fileInfo">): boolean {
  let node: unknown = model.fileInfo.metadata;
  for (const part of LOWERCASE_USER_TURNS_KEY.split(".")) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node === true;
}
