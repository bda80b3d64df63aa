import {
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaModel,
  LlamaText,
  resolveChatWrapper,
  SpecialTokensText,
  type Token,
} from "node-llama-cpp";
import { InvalidOptionsError } from "./errors.js";
import { lowercaseUserTurns, wantsLowercaseUserTurns } from "./lowercaseUserTurns.js";
import type { ChatMessage } from "./types.js";

/**
 * Tokens for a generation. Chat `messages`, for a model whose vocabulary has ChatML's `<|im_start|>`
 * and `<|im_end|>` (Qwen, every Nomen model), are rendered as ChatML here, exactly as training renders
 * them (`@nomen/core-tokenizer`'s `applyChatTemplate` with `addGenerationPrompt`): markers as special
 * tokens, content as plain text, no BOS. node-llama-cpp's chat wrapper would prepend a BOS token that
 * training never saw. Other models go through their own chat template. User turns are lowercased first when the
 * GGUF asks for it (`nomen.prompt.lowercase_user`, see {@link lowercaseUserTurns}). A raw `prompt` is tokenized as
 * is, with special tokens such as `<|im_start|>` recognized.
 */
export function renderPrompt(
  model: LlamaModel,
  input: { messages?: readonly ChatMessage[]; prompt?: string },
): Token[] {
  if ((input.messages === undefined) === (input.prompt === undefined)) {
    throw new InvalidOptionsError("give exactly one of messages (chat turns) or prompt (raw text)");
  }
  if (input.prompt !== undefined) return model.tokenize(input.prompt, true);
  const turns = input.messages ?? [];
  if (turns.length === 0) throw new InvalidOptionsError("messages must hold at least one chat turn, got none");
  const messages = wantsLowercaseUserTurns(model) ? lowercaseUserTurns(turns) : turns;
  if (hasChatMlTokens(model)) return renderChatMl(messages).tokenize(model.tokenizer);
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

/** ChatML up to the assistant's answer: `<|im_start|>{role}\n{content}<|im_end|>\n` per turn, then `<|im_start|>assistant\n`. */
function renderChatMl(messages: readonly ChatMessage[]): LlamaText {
  const start = new SpecialTokensText("<|im_start|>");
  const end = new SpecialTokensText("<|im_end|>");
  return LlamaText([...messages.flatMap((m) => [start, `${m.role}\n${m.content}`, end, "\n"]), start, "assistant\n"]);
}

const chatMl = new WeakMap<LlamaModel, boolean>();

function hasChatMlTokens(model: LlamaModel): boolean {
  let has = chatMl.get(model);
  if (has === undefined) {
    has = ["<|im_start|>", "<|im_end|>"].every((marker) => model.tokenize(marker, true).length === 1);
    chatMl.set(model, has);
  }
  return has;
}
