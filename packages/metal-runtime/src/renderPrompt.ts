import {
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaModel,
  resolveChatWrapper,
  type Token,
} from "node-llama-cpp";
import { InvalidOptionsError } from "./errors.js";
import type { ChatMessage } from "./types.js";

/**
 * Tokens for a generation: chat `messages` go through the model's own chat template (the GGUF's
 * `tokenizer.chat_template`, e.g. ChatML for Qwen) up to the start of the assistant's answer;
 * a raw `prompt` is tokenized as is, with special tokens such as `<|im_start|>` recognized.
 */
export function renderPrompt(
  model: LlamaModel,
  input: { messages?: readonly ChatMessage[]; prompt?: string },
): Token[] {
  if ((input.messages === undefined) === (input.prompt === undefined)) {
    throw new InvalidOptionsError("give exactly one of messages (chat turns) or prompt (raw text)");
  }
  if (input.prompt !== undefined) return model.tokenize(input.prompt, true);
  const messages = input.messages ?? [];
  if (messages.length === 0) throw new InvalidOptionsError("messages must hold at least one chat turn, got none");
  const chatHistory: ChatHistoryItem[] = messages.map((m) =>
    m.role === "assistant" ? { type: "model", response: [m.content] } : { type: m.role, text: m.content },
  );
  chatHistory.push({ type: "model", response: [] });
  const wrapper = chatWrapperFor(model);
  const { contextText } = wrapper.generateContextState({ chatHistory });
  return contextText.tokenize(model.tokenizer);
}

// Resolving the wrapper parses the GGUF's Jinja template: ~0.5 s on a loaded 2-core box, so once per model.
const wrappers = new WeakMap<LlamaModel, ChatWrapper>();

function chatWrapperFor(model: LlamaModel): ChatWrapper {
  let wrapper = wrappers.get(model);
  if (!wrapper) {
    wrapper = resolveChatWrapper(model);
    wrappers.set(model, wrapper);
  }
  return wrapper;
}
